"""PyTorch peer for bench/Neyman.Bench.Gpu: the same 28-300-300-300-1 tanh network, SGD (lr 0.05,
momentum 0.9), one epoch, on the raw float32 files that `Neyman.Bench.Gpu --write-data DIR` wrote.
Usage: python3 torch_mlp.py DIR [--device cuda] [--batches 1024,100]"""
import argparse, json, time
import numpy as np
import torch

p = argparse.ArgumentParser()
p.add_argument("data")
p.add_argument("--device", default="cuda")
p.add_argument("--batches", default="1024,100")
a = p.parse_args()
d = 28
xtr = np.fromfile(f"{a.data}/x_train.f32", dtype=np.float32).reshape(-1, d)
ytr = np.fromfile(f"{a.data}/y_train.f32", dtype=np.float32)
xte = np.fromfile(f"{a.data}/x_test.f32", dtype=np.float32).reshape(-1, d)
yte = np.fromfile(f"{a.data}/y_test.f32", dtype=np.float32)
dev = torch.device(a.device)
xtr_t, ytr_t, xte_t = (torch.from_numpy(v).to(dev) for v in (xtr, ytr, xte))


def auc(y, s):
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s)); ranks[order] = np.arange(1, len(s) + 1)
    pos = y == 1
    return (ranks[pos].sum() - pos.sum() * (pos.sum() + 1) / 2) / (pos.sum() * (~pos).sum())


def make():
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Linear(d, 300), torch.nn.Tanh(), torch.nn.Linear(300, 300), torch.nn.Tanh(),
                               torch.nn.Linear(300, 300), torch.nn.Tanh(), torch.nn.Linear(300, 1)).to(dev)


def sync():
    if dev.type == "cuda":
        torch.cuda.synchronize()


# warm-up (cuBLAS handles, kernels)
net = make(); opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9); lossf = torch.nn.BCEWithLogitsLoss()
for i in range(0, 4096, 1024):
    opt.zero_grad(set_to_none=True); lossf(net(xtr_t[i:i + 1024]).squeeze(1), ytr_t[i:i + 1024]).backward(); opt.step()
sync()
for batch in [int(b) for b in a.batches.split(",")]:
    net = make(); opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    n = len(ytr_t)
    sync(); t0 = time.perf_counter()
    perm = torch.randperm(n, device=dev)
    for i in range(0, n, batch):
        idx = perm[i:i + batch]
        opt.zero_grad(set_to_none=True)
        lossf(net(xtr_t[idx]).squeeze(1), ytr_t[idx]).backward()
        opt.step()
    sync(); t_tr = time.perf_counter() - t0
    t0 = time.perf_counter()
    with torch.no_grad():
        s = torch.cat([net(xte_t[i:i + 65536]).squeeze(1) for i in range(0, len(xte_t), 65536)])
    sync(); t_pr = time.perf_counter() - t0
    print(json.dumps(dict(engine="torch", version=torch.__version__, device=torch.cuda.get_device_name() if dev.type == "cuda" else "cpu",
                          batch=batch, n_train=n, train_s=round(t_tr, 3), train_samples_per_s=round(n / t_tr),
                          predict_rows_per_s=round(len(yte) / t_pr), test_auc=round(float(auc(yte, s.cpu().numpy())), 5))), flush=True)
