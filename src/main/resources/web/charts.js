// One chart = a <figure>: its title, the ECharts drawing (hidden from screen readers) and its text
// alternative, a table of the same figures in a <details>. Rows are {label, value} (value: a number of offers),
// or, for kind 'series', series of values over shared categories (see drawSeries).
import { nombre, part } from './format.js';

const COLOURS = ['#1f5fa8', '#e07b00', '#2e8540', '#b3261e', '#6a4c9c', '#00838f', '#8d6e63', '#c2185b', '#546e7a', '#9e9d24'];
const charts = new Map();
const maps = new Map();

window.addEventListener('resize', () => charts.forEach(chart => chart.resize()));

/**
 * A new figure in parent; slicer (optional): a <label> with its <select>, shown above the drawing; note
 * (optional): a sentence under the title that says how to read the figures.
 */
export function figure(parent, { id, title, slicer, note, drawn = true }) {
  const element = document.createElement('figure');
  element.id = id;
  element.className = 'graphique';
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  element.append(caption);
  if (note) {
    const text = document.createElement('p');
    text.className = 'note';
    text.textContent = note;
    element.append(text);
  }
  if (slicer) {
    element.append(slicer);
  }
  if (drawn) {
    const drawing = document.createElement('div');
    drawing.className = 'dessin';
    drawing.setAttribute('aria-hidden', 'true');
    element.append(drawing);
    const details = document.createElement('details');
    details.innerHTML = '<summary></summary><div class="tableau"><table></table></div>';
    details.querySelector('summary').textContent = `Tableau des valeurs : ${title}`;
    element.append(details);
  } else {
    element.insertAdjacentHTML('beforeend', '<div class="tableau"><table></table></div>');
  }
  parent.append(element);
  return element;
}

/** Drops the drawings of the page being left. */
export function disposeAll() {
  charts.forEach(chart => chart.dispose());
  charts.clear();
}

/** Draws rows as kind (barres, colonnes, donut, carte, or series) and writes the table of the same figures. */
export async function draw(element, rows, spec) {
  if (spec.kind === 'series') {
    drawSeries(element, rows, spec);
    return;
  }
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  const headers = [spec.labelHeader, "Nombre d'offres"].concat(spec.share ? ['Part'] : []);
  fillTable(element.querySelector('table'), headers,
    rows.map(row => [row.label, nombre(row.value)].concat(spec.share ? [part(row.value, total)] : [])));
  const drawing = element.querySelector('.dessin');
  drawing.classList.toggle('vide', rows.length === 0);
  drawing.dataset.vide = 'Aucune offre dans ce filtre';
  const option = spec.kind === 'carte' ? await mapOption(rows, spec) : OPTIONS[spec.kind](rows, total);
  if (spec.kind === 'barres') {
    drawing.style.height = `${Math.max(200, 28 * rows.length + 40)}px`;
  }
  show(element, drawing, option);
}

/**
 * Series over shared categories (dates, métiers, salary brackets) as {categories, panels: [{name, series:
 * [{name, values}]}]}: one chart per named panel, each with its own scale, so that the thousands of the blank
 * métier do not flatten DA, DE and DS; one unnamed panel is one chart. spec.type: 'line' or 'bar'; spec.stack
 * stacks a panel's series; spec.share draws each figure as its share of the category's total. The table: a row
 * per panel and category, a column per series (figures with spec.format, default a number of offers).
 */
function drawSeries(element, { categories, panels }, spec) {
  const format = spec.format ?? nombre;
  const named = panels.some(p => p.name != null);
  const names = panels[0]?.series.map(s => s.name) ?? [];
  const total = (panel, i) => panel.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0);
  const cell = (value, panel, i) => (spec.share ? `${format(value)} (${part(value, total(panel, i))})` : format(value));
  fillTable(element.querySelector('table'), [spec.labelHeader, ...(named ? [spec.panelHeader] : []), ...names],
    panels.flatMap(panel => categories.map((category, i) =>
      [category, ...(named ? [panel.name] : []), ...panel.series.map(s => cell(s.values[i], panel, i))])));
  const drawing = element.querySelector('.dessin');
  drawing.classList.toggle('vide', panels.every(p => p.series.every(s => s.values.every(v => v == null))));
  drawing.dataset.vide = spec.empty ?? 'Aucune offre dans ce filtre';
  if (named) {
    drawing.style.height = `${PANEL.top + panels.length * PANEL.step}px`;
  }
  show(element, drawing, seriesOption(categories, panels, named, spec, format, total));
}

/** The layout of one chart per panel: its title, then its drawing, PANEL.step pixels apart. */
const PANEL = { top: 36, height: 110, step: 170 };

function seriesOption(categories, panels, named, spec, format, total) {
  // a line needs three points to show a trend: one or two dates read better as columns side by side
  const type = spec.type === 'line' && categories.length < 3 ? 'bar' : spec.type;
  const value = spec.share ? v => `${v.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %` : format;
  const grid = i => (named ? { left: 8, right: 24, top: PANEL.top + 24 + i * PANEL.step, height: PANEL.height, containLabel: true }
    : { left: 8, right: 24, top: 40, bottom: 8, containLabel: true });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: type === 'bar' ? 'shadow' : 'line' }, valueFormatter: v => value(v) },
    legend: { top: 0, type: 'scroll' },
    title: named ? panels.map((p, i) => ({ text: p.name, top: PANEL.top + i * PANEL.step, left: 8,
                                           textStyle: { fontSize: 14, color: '#1b1f24' } })) : undefined,
    grid: panels.map((_, i) => grid(i)),
    xAxis: panels.map((_, i) => ({ type: 'category', gridIndex: i, data: categories, axisLabel: { hideOverlap: true } })),
    yAxis: panels.map((_, i) => ({ type: 'value', gridIndex: i, splitNumber: named ? 2 : 5, max: spec.share ? 100 : undefined,
                                    axisLabel: { formatter: v => value(v) } })),
    series: panels.flatMap((panel, p) => panel.series.map(s => ({
      type, name: s.name, xAxisIndex: p, yAxisIndex: p, stack: spec.stack ? `panneau-${p}` : undefined,
      barMaxWidth: 40, symbolSize: 8, showAllSymbol: true,
      data: spec.share ? s.values.map((v, i) => (total(panel, i) > 0 ? (100 * v) / total(panel, i) : 0)) : s.values,
      // figures on the drawing while they fit: a few dates or métiers, a stack's wide parts
      label: spec.stack ? { show: true, formatter: l => (l.value >= 8 ? value(l.value) : '') }
        : { show: categories.length <= 6, position: 'top', fontSize: 11, formatter: l => value(l.value) },
    }))),
  };
}

function show(element, drawing, option) {
  let chart = charts.get(element.id);
  if (!chart) {
    chart = echarts.init(drawing);
    charts.set(element.id, chart);
  } else {
    chart.resize();
  }
  chart.setOption({ color: COLOURS, animationDuration: 300, textStyle: { fontFamily: 'inherit' }, ...option }, true);
}

/** A plain table: headers, then rows of cells (text, or a DOM node such as a link). */
export function fillTable(table, headers, rows) {
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  headers.forEach(header => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = header;
    head.append(th);
  });
  const body = table.createTBody();
  rows.forEach(cells => {
    const tr = body.insertRow();
    cells.forEach((cell, i) => {
      const td = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) {
        td.scope = 'row';
      }
      td.append(cell ?? '');
      tr.append(td);
    });
  });
}

const tooltip = { trigger: 'item', valueFormatter: value => nombre(value) };
const valueLabel = { show: true, formatter: p => nombre(p.value) };

const OPTIONS = {
  barres: rows => ({
    tooltip: { ...tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: nombre } },
    yAxis: { type: 'category', inverse: true, data: rows.map(row => row.label),
             axisLabel: { width: 190, overflow: 'truncate' } },
    series: [{ type: 'bar', name: "Nombre d'offres", barMaxWidth: 22, data: rows.map(row => row.value), label: { ...valueLabel, position: 'right' } }],
  }),
  colonnes: rows => ({
    tooltip: { ...tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map(row => row.label), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', axisLabel: { formatter: nombre } },
    series: [{ type: 'bar', name: "Nombre d'offres", barMaxWidth: 48, data: rows.map(row => row.value), label: { ...valueLabel, position: 'top' } }],
  }),
  donut: (rows, total) => ({
    tooltip: { ...tooltip, formatter: p => `${p.name} : ${nombre(p.value)} (${part(p.value, total)})` },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'], avoidLabelOverlap: true,
               label: { lineHeight: 16, formatter: p => `${p.name}\n${nombre(p.value)} (${part(p.value, total)})` },
               labelLine: { length: 10, length2: 12 }, minShowLabelAngle: 3,
               data: rows.map(row => ({ name: row.label, value: row.value })) }],
  }),
};

/** A bubble map: spec.map names the outline file; spec.point(row, features, spec.extra) gives a row's [longitude, latitude]. */
async function mapOption(rows, spec) {
  const features = await outline(spec.map);
  const placed = rows.map(row => ({ row, at: spec.point(row, features, spec.extra) })).filter(p => p.at);
  const max = Math.max(1, ...placed.map(p => p.row.value));
  return {
    tooltip: { trigger: 'item', formatter: p => `${p.name} : ${nombre(p.value[2])} offres` },
    geo: { map: spec.map, roam: false, aspectScale: 0.72, silent: true, top: 8, bottom: 8, left: 8, right: 8,
           itemStyle: { areaColor: '#eef2f7', borderColor: '#8a97a6', borderWidth: 0.6 } },
    series: [{ type: 'scatter', coordinateSystem: 'geo', name: "Nombre d'offres",
               symbolSize: value => 6 + 34 * Math.sqrt(value[2] / max),
               itemStyle: { color: 'rgba(31, 95, 168, 0.6)', borderColor: '#fff', borderWidth: 1 },
               data: placed.map(p => ({ name: p.row.label, value: [...p.at, p.row.value] })) }],
  };
}

/** The map's outlines, registered with ECharts once; features by code, with cp (their bubble point). */
function outline(name) {
  if (!maps.has(name)) {
    maps.set(name, fetch(`/dashboard/${name}.geojson`).then(response => response.json()).then(geojson => {
      echarts.registerMap(name, geojson);
      return new Map(geojson.features.map(f => [f.properties.code, f.properties]));
    }));
  }
  return maps.get(name);
}
