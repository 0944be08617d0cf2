"""Reference: the seed notebook's denoising autoencoder in PyTorch, timed and scored.

Usage: python3 scripts/bench/torch_ref.py DATA_DIR EPOCHS [--loader]
Prints one JSON line per evaluation and a summary line.
"""
import gzip, json, sys, time
import numpy as np
import torch
import torch.nn as nn


def idx(path):
    with gzip.open(path, 'rb') as f:
        b = f.read()
    magic = int.from_bytes(b[0:4], 'big')
    n = int.from_bytes(b[4:8], 'big')
    if magic == 2051:
        return np.frombuffer(b, np.uint8, offset=16).reshape(n, 28 * 28)
    return np.frombuffer(b, np.uint8, offset=8)


def block(i, o, p=None):
    layers = [nn.Linear(i, o), nn.BatchNorm1d(o), nn.ReLU()]
    if p:
        layers.append(nn.Dropout(p))
    return layers


class AE(nn.Module):
    def __init__(self):
        super().__init__()
        e = [784, 512, 256, 128, 64, 32, 16, 8, 4]
        drops = {0: 0.2, 1: 0.2, 2: 0.1}
        L = []
        for k in range(len(e) - 1):
            L += block(e[k], e[k + 1], drops.get(k))
        L.append(nn.Linear(4, 2))
        self.encoder = nn.Sequential(*L)
        d = [2, 4, 8, 16, 32, 64, 128, 256, 512]
        L = []
        for k in range(len(d) - 1):
            L += block(d[k], d[k + 1])
        L += [nn.Linear(512, 784), nn.Sigmoid()]
        self.decoder = nn.Sequential(*L)

    def forward(self, x):
        z = self.encoder(x)
        return self.decoder(z), z


def gauss_ssim(a, b):
    # a, b: (N, 28, 28) in [0,1]; 11x11 Gaussian window, sigma 1.5, valid region (Wang et al. 2004)
    g = torch.exp(-(torch.arange(11, device=a.device) - 5.0) ** 2 / (2 * 1.5 ** 2))
    g = g / g.sum()
    w = (g[:, None] * g[None, :])[None, None]
    f = lambda x: torch.nn.functional.conv2d(x[:, None], w)
    C1, C2 = 0.01 ** 2, 0.03 ** 2
    ma, mb = f(a), f(b)
    saa, sbb, sab = f(a * a) - ma ** 2, f(b * b) - mb ** 2, f(a * b) - ma * mb
    s = ((2 * ma * mb + C1) * (2 * sab + C2)) / ((ma ** 2 + mb ** 2 + C1) * (saa + sbb + C2))
    return s.mean(dim=(1, 2, 3))


def global_ssim(a, b):
    # the seed notebook's simplified SSIM: one window over the whole image
    C1, C2 = 0.01 ** 2, 0.03 ** 2
    a = a.flatten(1)
    b = b.flatten(1)
    ma, mb = a.mean(1), b.mean(1)
    va, vb = ((a - ma[:, None]) ** 2).mean(1), ((b - mb[:, None]) ** 2).mean(1)
    cov = ((a - ma[:, None]) * (b - mb[:, None])).mean(1)
    return ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma ** 2 + mb ** 2 + C1) * (va + vb + C2))


def main():
    data, epochs = sys.argv[1], int(sys.argv[2])
    loader = '--loader' in sys.argv
    dev = 'cuda' if torch.cuda.is_available() else 'cpu'
    torch.manual_seed(0)
    xtr = torch.tensor(idx(f'{data}/train-images-idx3-ubyte.gz'), dtype=torch.float32, device=dev) / 255
    xte = torch.tensor(idx(f'{data}/t10k-images-idx3-ubyte.gz'), dtype=torch.float32, device=dev) / 255
    model = AE().to(dev)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-5)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode='min', factor=0.5, patience=5)
    mse, l1 = nn.MSELoss(), nn.L1Loss()
    noise = lambda x, f=0.25: torch.clamp(x + f * torch.randn_like(x), 0, 1)
    if loader:
        from torch.utils.data import DataLoader, TensorDataset
        dl = DataLoader(TensorDataset(xtr.cpu()), batch_size=128, shuffle=True)
    best = float('inf')
    t_epochs = []
    t_start = time.perf_counter()
    for ep in range(epochs):
        model.train()
        tot = 0.0
        nb = 0
        if dev == 'cuda':
            torch.cuda.synchronize()
        t0 = time.perf_counter()
        if loader:
            batches = (b[0].to(dev) for b in dl)
        else:
            batches = (xtr[i] for i in torch.randperm(60000, device=dev).split(128))
        for x in batches:
            out, _ = model(noise(x))
            loss = 0.7 * mse(out, x) + 0.3 * l1(out, x)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            tot += loss.detach()
            nb += 1
        avg = (tot / nb).item()
        if dev == 'cuda':
            torch.cuda.synchronize()
        t_epochs.append(time.perf_counter() - t0)
        model.eval()
        with torch.no_grad():
            g = torch.Generator(device=dev).manual_seed(1)
            xn = torch.clamp(xte + 0.25 * torch.randn(xte.shape, generator=g, device=dev), 0, 1)
            out, _ = model(xn)
            val = (0.7 * mse(out, xte) + 0.3 * l1(out, xte)).item()
        sched.step(val)
        best = min(best, val)
        if (ep + 1) % 5 == 0 or ep == epochs - 1 or ep < 2:
            with torch.no_grad():
                m = ((out - xte) ** 2).mean(1)
                psnr = (10 * torch.log10(1 / m)).mean().item()
                a, b = xte.view(-1, 28, 28), out.view(-1, 28, 28)
                print(json.dumps(dict(
                    epoch=ep + 1, wall_s=round(time.perf_counter() - t_start, 1), train_loss=round(avg, 5),
                    val_loss=round(val, 5), mse=round(m.mean().item(), 5), psnr=round(psnr, 3),
                    ssim_gauss=round(gauss_ssim(a, b).mean().item(), 4),
                    ssim_global=round(global_ssim(a, b).mean().item(), 4),
                    epoch_s=round(t_epochs[-1], 3), lr=opt.param_groups[0]['lr'])), flush=True)
    ts = sorted(t_epochs[1:]) or t_epochs
    print(json.dumps(dict(
        summary=True, device=dev, gpu=torch.cuda.get_device_name() if dev == 'cuda' else None, loader=loader,
        median_epoch_s=round(ts[len(ts) // 2], 3), samples_per_s=round(60000 / ts[len(ts) // 2]), best_val=best)), flush=True)


main()
