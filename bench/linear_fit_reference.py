"""Reference for bench/tasks/linear-fit.ts and the ETTh1 integration test.

Builds the ETTh1 windows of the benchmark (OT from -95 h to 0 h -> OT from +1 h to +96 h,
hourly; a sample belongs to train when all its outputs are before 2017-06-26, to test when
all are in [2017-10-24, 2018-02-21)), z-scores with the training rows' mean and standard
deviation, fits scikit-learn LinearRegression on the training windows and prints one JSON
line: sample counts, the median fit time over `repeats` fits, and the standardised test MSE.

usage: python linear_fit_reference.py ETTh1.csv [repeats]
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.linear_model import LinearRegression

LOOKBACK = 96
HORIZON = 96


def windows(values, refs):
    x = np.stack([values[r - LOOKBACK + 1 : r + 1] for r in refs])
    y = np.stack([values[r + 1 : r + 1 + HORIZON] for r in refs])
    return x, y


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    frame = pd.read_csv(path, parse_dates=["date"])
    times = frame["date"].to_numpy()
    ot = frame["OT"].to_numpy(dtype=np.float64)
    validation_from = np.datetime64("2017-06-26T00:00:00")
    test_from = np.datetime64("2017-10-24T00:00:00")
    until = np.datetime64("2018-02-21T00:00:00")
    train_rows = times < validation_from
    mean = ot[train_rows].mean()
    std = ot[train_rows].std()
    scaled = (ot - mean) / std
    hour = np.timedelta64(1, "h")
    refs = np.arange(LOOKBACK - 1, len(ot) - HORIZON)
    first_out = times[refs] + hour
    last_out = times[refs] + HORIZON * hour
    train_refs = refs[last_out < validation_from]
    test_refs = refs[(first_out >= test_from) & (last_out < until)]
    x_train, y_train = windows(scaled, train_refs)
    x_test, y_test = windows(scaled, test_refs)
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        model = LinearRegression().fit(x_train, y_train)
        seconds.append(time.perf_counter() - started)
    mse = float(np.mean((model.predict(x_test) - y_test) ** 2))
    print(json.dumps({
        "train": int(len(train_refs)),
        "test": int(len(test_refs)),
        "fitSeconds": float(np.median(seconds)),
        "standardisedTestMSE": mse,
    }))


if __name__ == "__main__":
    main()
