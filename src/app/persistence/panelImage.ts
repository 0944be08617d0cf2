/**
 * A panel as a PNG: its title, its Plotly charts (Plotly.toImage) and its canvases drawn where
 * they sit on the page. Text outside those is left out; the pictures are what gets shared.
 *
 * Each chart is taken as SVG, a data: URL drawn through an <img>. Plotly's own PNG path loads its
 * SVG from a blob: URL, which the page's Content-Security-Policy (img-src 'self' data:) refuses.
 */
import { loadPlotly } from '../charts/PlotlyChart';
import { downloadBlob } from './downloads';

async function imageFrom(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = url;
  try {
    await image.decode();
  } catch {
    throw new Error('the browser could not draw the chart as an image');
  }
  return image;
}

export async function panelPng(section: HTMLElement, title: string): Promise<Blob> {
  const box = section.getBoundingClientRect();
  const scale = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(box.width * scale);
  canvas.height = Math.ceil(box.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the panel image.');
  context.scale(scale, scale);
  const style = getComputedStyle(section);
  context.fillStyle = style.backgroundColor === 'rgba(0, 0, 0, 0)' ? '#ffffff' : style.backgroundColor;
  context.fillRect(0, 0, box.width, box.height);
  context.fillStyle = style.color;
  context.font = `600 14px ${style.fontFamily}`;
  context.fillText(title, 10, 20);
  const place = (element: Element) => {
    const rect = element.getBoundingClientRect();
    return [rect.left - box.left, rect.top - box.top, rect.width, rect.height] as const;
  };
  const plots = [...section.querySelectorAll<HTMLElement>('.js-plotly-plot')];
  if (plots.length > 0) {
    const Plotly = await loadPlotly();
    for (const plot of plots) {
      const [x, y, width, height] = place(plot);
      const url = await Plotly.toImage(plot, { format: 'svg', width, height });
      context.drawImage(await imageFrom(url), x, y, width, height);
    }
  }
  // Plotly's own WebGL canvases are in its image already.
  for (const image of section.querySelectorAll('canvas')) {
    if (!image.closest('.js-plotly-plot')) context.drawImage(image, ...place(image));
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The panel image is empty.'))),
      'image/png',
    ),
  );
}

export async function downloadPanelPng(section: HTMLElement, title: string): Promise<void> {
  const name = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  downloadBlob(await panelPng(section, title), `${name}.png`);
}
