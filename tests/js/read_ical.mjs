// Reads iCalendar files with ical.js and prints their VEVENTs as JSON, for the calendar tests
// (tests/unit/test_export_ical.py). ical.js has no time-zone database of its own: a TZID is
// resolved only through the file's VTIMEZONE, which is exactly what the tests want to check.
// One file per line of stdin, as a JSON string; one JSON line back for each: the tests read
// hundreds of files, and starting Node.js for each cost them seconds.
import { createInterface } from "node:readline";
import ICAL from "ical.js";

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

function read(text) {
  const root = new ICAL.Component(ICAL.parse(text));
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
  return {
    calname: root.getFirstPropertyValue("x-wr-calname"),
    timezones: root.getAllSubcomponents("vtimezone").map((tz) => tz.getFirstPropertyValue("tzid")),
    events,
  };
}

// A file ical.js cannot read answers {error}, and the next line is read as before.
for await (const line of createInterface({ input: process.stdin })) {
  let answer;
  try {
    answer = read(JSON.parse(line));
  } catch (error) {
    answer = { error: String(error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
