"""The pandas side of bench/tasks/ingest.ts and bench/tasks/resample.ts: what a user of the
original service would run instead of our CLI, timed around the work itself.

  python pandas_reference.py ingest IN OUT [iso|de]   read an export, write the normalised CSV
  python pandas_reference.py resample IN OUT          15-min means of a normalised CSV, short gaps filled

ingest: `iso` files (`timestamp,P,T,Q`, UTC `YYYY-MM-DD HH:MM:SS`) are taken as UTC; `de` files
(`Zeit;P;T;Q`, `DD.MM.YYYY HH:MM:SS`, decimal commas) as Europe/Berlin local time, the repeated
autumn hour resolved by order and the skipped spring hour shifted forward. The output is the
normalised CSV our CLI writes: `timestamp` as `YYYY-MM-DDTHH:MM:SS.mmmZ`, then the value columns,
rows sorted by time (stable).

resample: means over [g, g + 15 min) on the 15-min grid, then time-weighted interpolation of at
most 4 missing points in a row (gaps up to 60 min).

Prints the seconds the task took (reading and writing included) as the last line.
"""
import sys
import time

import pandas as pd

ZONE = "Europe/Berlin"


def utc_text(stamps):
    """UTC instants as `YYYY-MM-DDTHH:MM:SS.mmmZ`."""
    return stamps.dt.strftime("%Y-%m-%dT%H:%M:%S.%f").str.slice(0, -3) + "Z"


def ingest(source, target, layout):
    if layout == "iso":
        frame = pd.read_csv(source)
        stamps = pd.to_datetime(frame.pop("timestamp"), format="%Y-%m-%d %H:%M:%S").dt.tz_localize("UTC")
    elif layout == "de":
        frame = pd.read_csv(source, sep=";", decimal=",")
        local = pd.to_datetime(frame.pop("Zeit"), format="%d.%m.%Y %H:%M:%S")
        stamps = local.dt.tz_localize(ZONE, ambiguous="infer", nonexistent="shift_forward").dt.tz_convert("UTC")
    else:
        raise SystemExit(f"unknown layout {layout!r}: expected iso or de")
    frame.insert(0, "timestamp", utc_text(stamps))
    frame.sort_values("timestamp", kind="stable").to_csv(target, index=False)


def resample(source, target):
    frame = pd.read_csv(source, parse_dates=["timestamp"], index_col="timestamp")
    means = frame.resample("15min", closed="left", label="left").mean()
    filled = means.interpolate(method="time", limit=4)
    filled.index = filled.index.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    filled.to_csv(target, index_label="timestamp")


def main(argv):
    if len(argv) < 3 or argv[0] not in ("ingest", "resample"):
        raise SystemExit(__doc__)
    task, source, target = argv[:3]
    started = time.perf_counter()
    if task == "ingest":
        ingest(source, target, argv[3] if len(argv) > 3 else "iso")
    else:
        resample(source, target)
    print(f"{time.perf_counter() - started:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
