#!/bin/bash
# Here, before a GPU-machine session (which has no Node, no Chromium and no network, and takes
# 64 MiB a call): packs what scripts/gpu/measure.sh needs into git-ignored folders.
#   .chrA/ .chrB/  the headless Chromium, in two halves (pack.sh)
#   .gpuA/         the Fashion-MNIST training images, xz-compressed (22.6 MB instead of 26.4)
#   .gpuB/app/     the production build without the training images and without MNIST
#   .gpuB/fonts/   two fonts and a fontconfig file: with no font at all, Chromium's Skia aborts
#                  ("SkFontMgr_FontConfigInterface: Not implemented") as soon as a page draws text
# Call 1 on the GPU machine carries .chrA and .gpuA and stages them in /opt:
#   cp .chrA/part.00 /opt/ && xz -dc .gpuA/train-images.xz | gzip -1 > /opt/train-images-idx3-ubyte.gz
# Call 2, at once (an idle machine is given back after 30 s), carries .chrB and .gpuB and runs
#   bash scripts/gpu/measure.sh
set -eu
cd "$(dirname "$0")/../.."
[ -d dist/assets ] || { echo "build first: npm run build"; exit 1; }
[ -f .chrA/part.00 ] || bash scripts/gpu/pack.sh
rm -rf .gpuA .gpuB && mkdir -p .gpuA .gpuB/app
zcat dist/data/fashion-mnist/train-images-idx3-ubyte.gz | xz -9e -T0 > .gpuA/train-images.xz
tar -C dist --exclude=./data/mnist --exclude=./data/fashion-mnist/train-images-idx3-ubyte.gz -cf - . | tar -C .gpuB/app -xf -
mkdir -p .gpuB/fonts && cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf .gpuB/fonts/
cat > .gpuB/fonts/fonts.conf <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/opt/fonts</dir><cachedir>/tmp/fontconfig-cache</cachedir></fontconfig>
CONF
du -sh .chrA .chrB .gpuA .gpuB
