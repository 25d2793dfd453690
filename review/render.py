"""Templates and the Vietnamese display of values, indicators and reasons."""

from __future__ import annotations

from datetime import date, datetime
from importlib import resources

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from extractors.numbers import format_short, format_value
from models.normalise import STATUS_VI
from models.vn_time import date_text, hanoi_time_text
from models.vocabulary import INDICATORS, REASONS

ACTIONS_VI = {"accept": "Chấp nhận", "correct": "Sửa", "reject": "Loại bỏ"}


def vn_number(value: float | None, decimals: int = 2) -> str:
    """12345.6 -> "12.345,6" (trailing zeros dropped)."""
    return "—" if value is None else format_short(float(value), decimals)


vn_value = format_value  # the templates' name for it


def vn_time(moment: datetime | None) -> str:
    if moment is None:
        return "—"
    return hanoi_time_text(moment)


def vn_date(day: date | None) -> str:
    return date_text(day) if day else "—"


def indicator_vi(code: str) -> str:
    return INDICATORS[code].label_vi if code in INDICATORS else code


def reasons_vi(flags: list[str] | None) -> list[str]:
    return [REASONS.get(f, f) for f in flags or []]


def make_templates() -> Jinja2Templates:
    folder = resources.files("review").joinpath("templates")
    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=select_autoescape(["html"]))
    env.filters.update(
        vn_number=vn_number, vn_value=vn_value, vn_time=vn_time, vn_date=vn_date, indicator_vi=indicator_vi
    )
    env.globals.update(reasons_vi=reasons_vi, ACTIONS_VI=ACTIONS_VI, STATUS_VI=STATUS_VI, REASONS=REASONS)
    return Jinja2Templates(env=env)
