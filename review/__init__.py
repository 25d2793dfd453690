"""The review web app: officials accept, correct or reject flagged figures."""
