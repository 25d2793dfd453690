"""Benchmarks of the thidua pipeline and the corpus generator they run on (:mod:`benchmarks.corpus`)."""
