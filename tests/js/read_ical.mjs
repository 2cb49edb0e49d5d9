// Reads an iCalendar file on stdin with ical.js and prints its VEVENTs as JSON, for
// tests/unit/test_export_ical.py. ical.js has no time-zone database of its own: a TZID is
// resolved only through the file's VTIMEZONE, which is exactly what the test wants to check.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const root = new ICAL.Component(ICAL.parse(readFileSync(0, "utf8")));

function moment(vevent, name) {
  const property = vevent.getFirstProperty(name);
  if (!property) return null;
  const time = property.getFirstValue();
  if (time.isDate) return { date: time.toString() };
  return {
    unix: time.toUnixTime(),
    local: time.toString(),
    tzid: property.getParameter("tzid") ?? null,
    // where ical.js found the zone: its own VTIMEZONE component, or nothing (floating)
    zoneFromFile: Boolean(time.zone && time.zone.component),
  };
}

const events = root.getAllSubcomponents("vevent").map((vevent) => ({
  uid: vevent.getFirstPropertyValue("uid"),
  summary: vevent.getFirstPropertyValue("summary"),
  description: vevent.getFirstPropertyValue("description"),
  location: vevent.getFirstPropertyValue("location"),
  url: vevent.getFirstPropertyValue("url"),
  dtstamp: vevent.getFirstPropertyValue("dtstamp")?.toUnixTime() ?? null,
  start: moment(vevent, "dtstart"),
  end: moment(vevent, "dtend"),
}));
process.stdout.write(JSON.stringify({
  calname: root.getFirstPropertyValue("x-wr-calname"),
  timezones: root.getAllSubcomponents("vtimezone").map((tz) => tz.getFirstPropertyValue("tzid")),
  events,
}));
