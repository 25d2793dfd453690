"""Vietnam's time: deadlines, the dates on the cluster's documents and the times pages show are counted
in Hà Nội (UTC+7, no daylight saving), whatever the server's own zone is.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

TIMEZONE = "Asia/Ho_Chi_Minh"  # the IANA name; Prefect's schedules take it as text
HANOI = ZoneInfo(TIMEZONE)


def hanoi_date(moment: datetime) -> date:
    """The day it was in Hà Nội at ``moment`` (a file sent at 23:30 there is sent that day)."""
    return moment.astimezone(HANOI).date()


def after_deadline(moment: datetime, deadline: date | None) -> bool:
    """Sent after the deadline day, counted in Hà Nội (a file sent at 23:30 there on that day is in
    time); never without a deadline."""
    return deadline is not None and hanoi_date(moment) > deadline


def date_text(day: date) -> str:
    """A day as Vietnamese documents write it: "15/01/2022"."""
    return day.strftime("%d/%m/%Y")


def hanoi_time_text(moment: datetime) -> str:
    """``moment`` as Hà Nội's "dd/mm/yyyy hh:mm"."""
    return moment.astimezone(HANOI).strftime("%d/%m/%Y %H:%M")
