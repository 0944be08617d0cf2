#!/bin/bash
# On the GPU machine (call 2 of stage.sh's recipe), from the repo root. Parts, in this order
# (all four without arguments; e.g. `measure.sh engine webgl` for the app runs alone):
#   torch   PyTorch's reference run on the GPU, 4 epochs
#   bench   `npm run bench`'s page: every step implementation on WASM, WebGL and WebGPU, alternating
#   engine  the real app training the reference model on WebGPU (the fused engine), 3 epochs,
#           each timed with its epoch-end refresh, with the long main-thread tasks seen meanwhile
#   webgl   the same on WebGL (the tfjs step), 2 epochs
# Results in $OUT: torch.jsonl, and results.jsonl and chrome.log in a folder per page.
set -u
parts=${*:-torch bench engine webgl}
wants() { [[ " $parts " == *" $1 "* ]]; }
app=/opt/app
mkdir -p $app && cp -r .gpuB/app/. $app/ && cp /opt/train-images-idx3-ubyte.gz $app/data/fashion-mnist/
cp scripts/gpu/app-run.html $app/
mkdir -p /opt/fonts && cp .gpuB/fonts/* /opt/fonts/ && export FONTCONFIG_FILE=/opt/fonts/fonts.conf
export EXTRA="--window-size=1400,1000"
if wants torch; then
  { nvidia-smi --query-gpu=name,driver_version --format=csv,noheader
    PYTHONUNBUFFERED=1 timeout ${TORCH_LIMIT:-90} python3 scripts/bench/torch_ref.py $app/data/fashion-mnist 4; } > $OUT/torch.jsonl 2>&1
fi
wants bench && OUT=$OUT/bench LIMIT=${BENCH_LIMIT:-200} bash scripts/gpu/run-chromium.sh $app \
  "bench.html?backends=wasm,webgl,webgpu&warmup=3&rounds=3&steps=10&post=1"
wants engine && OUT=$OUT/engine LIMIT=${APP_LIMIT:-150} bash scripts/gpu/run-chromium.sh $app \
  "app-run.html?epochs=3&limitS=140&q=backend%3Dwebgpu%26seed%3D0"
wants webgl && OUT=$OUT/webgl LIMIT=${WEBGL_LIMIT:-130} bash scripts/gpu/run-chromium.sh $app \
  "app-run.html?epochs=2&limitS=120&q=backend%3Dwebgl%26seed%3D0"
true
