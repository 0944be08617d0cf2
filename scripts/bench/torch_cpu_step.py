"""PyTorch reference step time on this machine's CPU: the reference model, batch 128, AdamW,
clip, 0.7 MSE + 0.3 L1, Gaussian noise 0.25. Usage: /usr/bin/python3 scripts/bench/torch_cpu_step.py [STEPS] [THREADS]
(`npm run bench` runs it, where Debian's python3-torch is installed, for the PyTorch comparison.)"""
import sys, time
import torch, torch.nn as nn


def block(i, o, p=None):
    layers = [nn.Linear(i, o), nn.BatchNorm1d(o), nn.ReLU()]
    return layers + [nn.Dropout(p)] if p else layers


class AE(nn.Module):
    def __init__(self):
        super().__init__()
        e, d, drops = [784, 512, 256, 128, 64, 32, 16, 8, 4], [2, 4, 8, 16, 32, 64, 128, 256, 512], {0: 0.2, 1: 0.2, 2: 0.1}
        enc = [l for k in range(8) for l in block(e[k], e[k + 1], drops.get(k))] + [nn.Linear(4, 2)]
        dec = [l for k in range(8) for l in block(d[k], d[k + 1])] + [nn.Linear(512, 784), nn.Sigmoid()]
        self.encoder, self.decoder = nn.Sequential(*enc), nn.Sequential(*dec)

    def forward(self, x):
        z = self.encoder(x)
        return self.decoder(z), z

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 60
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
torch.manual_seed(0)
m = AE(); opt = torch.optim.AdamW(m.parameters(), lr=1e-3, weight_decay=1e-5)
x = torch.rand(60000 // 100 * 128 // 128 * 128, 784)  # stand-in pixels: timing only
def step(i):
    b = x[(i * 128) % (x.shape[0] - 128):][:128]
    noisy = torch.clamp(b + 0.25 * torch.randn_like(b), 0, 1)
    out, _ = m(noisy)
    loss = 0.7 * nn.functional.mse_loss(out, b) + 0.3 * nn.functional.l1_loss(out, b)
    opt.zero_grad(); loss.backward(); torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0); opt.step()
    return loss.item()
m.train()
for i in range(10): step(i)
t = time.perf_counter()
for i in range(steps): step(i)
ms = (time.perf_counter() - t) / steps * 1000
print(f'torch {torch.__version__} cpu threads={torch.get_num_threads()} ms/step={ms:.1f} samples/s={128000/ms:.0f}')
