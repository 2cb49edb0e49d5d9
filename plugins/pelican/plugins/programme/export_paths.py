"""Where each machine-readable file lives below a language root; pages link to the same paths."""

PROGRAMME_CALENDAR = "calendar/programme.ics"


def event_calendar(event_id: str) -> str:
    return f"calendar/{event_id}.ics"


def session_calendar(event_id: str, session_id: str) -> str:
    return f"calendar/{event_id}/{session_id}.ics"


def people_index(people_path: str) -> str:
    return f"{people_path}/"


def person_page(people_path: str, person_id: str) -> str:
    """A speaker's page, at the same address below each language root."""
    return f"{people_path}/{person_id}/"


def schedule(event_page_url: str, extension: str) -> str:
    """frab schedule.xml / schedule.json beside the event's page, where a conference app user looks."""
    return f"{event_page_url}schedule.{extension}"
