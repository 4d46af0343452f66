#!/usr/bin/python3
"""Checks that `neyman predict` reproduces Debian's python3-xgboost on an imported Booster.save_model JSON file.

    /usr/bin/python3 bench/Neyman.Bench.Trees/verify_xgboost.py --csv events.csv \
        --neyman "dotnet artifacts/bin/Neyman.Cli/release/neyman.dll" [--rounds 100 --depth 6 --objective binary:logistic]

Trains XGBoost (hist) on the first 80% of the rows, saves the model as JSON, predicts the last 20% with both
programs and prints one JSON line with the largest absolute difference of the scores (float32 outputs: expect
about 1e-7). Exits 1 when it exceeds --tolerance.
"""
import argparse, csv, json, os, subprocess, sys, tempfile

import numpy as np
import xgboost as xgb


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--csv", required=True)
    p.add_argument("--neyman", required=True, help="command that runs the neyman program")
    p.add_argument("--label-col", default="label")
    p.add_argument("--drop-cols", default="weight")
    p.add_argument("--rounds", type=int, default=100)
    p.add_argument("--depth", type=int, default=6)
    p.add_argument("--objective", default="binary:logistic")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--tolerance", type=float, default=1e-5)
    a = p.parse_args()

    with open(a.csv) as f:
        header = next(csv.reader(f))
    data = np.loadtxt(a.csv, delimiter=",", skiprows=1, dtype=np.float32)
    drop = set(a.drop_cols.split(",")) | {a.label_col}
    features = [i for i, name in enumerate(header) if name not in drop]
    names = [header[i] for i in features]
    label = data[:, header.index(a.label_col)]
    x = data[:, features]
    n_train = len(x) - len(x) // 5
    params = dict(objective=a.objective, tree_method="hist", max_depth=a.depth, eta=0.1, nthread=a.threads)
    if a.objective.startswith("multi:"):
        params["num_class"] = int(label.max()) + 1
    booster = xgb.train(params, xgb.DMatrix(x[:n_train], label=label[:n_train], feature_names=names), a.rounds)
    expected = booster.predict(xgb.DMatrix(x[n_train:], feature_names=names))

    with tempfile.TemporaryDirectory() as folder:
        model = os.path.join(folder, "m.json")
        booster.save_model(model)
        test = os.path.join(folder, "test.csv")
        np.savetxt(test, x[n_train:], delimiter=",", header=",".join(names), comments="", fmt="%.9g")
        scores = os.path.join(folder, "scores.csv")
        subprocess.run(a.neyman.split() + ["predict", "--model", model, "--data", test, "--output", scores], check=True)
        ours = np.loadtxt(scores, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    expected = expected.reshape(len(ours), -1)
    diff = float(np.max(np.abs(ours[:, : expected.shape[1]] - expected)))
    print(json.dumps(dict(check="xgboost-import", xgboost=xgb.__version__, objective=a.objective, rounds=a.rounds,
                          depth=a.depth, test_rows=len(ours), max_abs_diff=diff)))
    sys.exit(0 if diff <= a.tolerance else 1)


if __name__ == "__main__":
    main()
