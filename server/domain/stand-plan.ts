/**
 * The floor plan of a joint trade-fair stand, to scale: the stand is a rectangle `frontage` wide
 * (its open front on the aisle) and `area / frontage` deep, or a square when the frontage is not
 * known, divided among the exhibitors in proportion to their area, plus one rectangle for the
 * free area. Pure numbers in decimetres; the page draws them (app/, as SVG).
 *
 * Layout: a squarified treemap (Bruls, Huizing, van Wijk 2000), which keeps every rectangle as
 * close to square as the areas allow, so labels stay readable on a phone. Exhibitors are laid out
 * largest first (ties by id, so the plan does not move when nothing changed), the free area
 * last: it ends up at the far corner and the exhibitors' places only shift when areas change.
 *
 * Coordinates: x runs along the frontage from the left, y from the front edge (y = 0, the aisle)
 * to the back wall. Each rectangle's width × height equals its area (to floating precision) and
 * the rectangles tile the stand without overlapping.
 */

export interface StandPlanSpace {
  id: string;
  areaDm2: number;
  label: string;
}

interface StandPlanRect {
  /** The space's id; null for the free area. */
  id: string | null;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  areaDm2: number;
}

export interface StandPlan {
  widthDm: number;
  depthDm: number;
  /** The spaces in input order, then the free area (absent when the stand is full). */
  rects: StandPlanRect[];
}

interface Item {
  key: number;
  area: number;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The worst aspect ratio in a row of `areas` laid along a side of length `side`. */
function worst(sum: number, max: number, min: number, side: number): number {
  const s2 = sum * sum;
  const side2 = side * side;
  return Math.max((side2 * max) / s2, s2 / (side2 * min));
}

/** Lays `row` along the shorter side of `box`, returns the rectangles and the box left over. */
function layoutRow(row: Item[], box: Box, last: boolean): { placed: Array<{ key: number } & Box>; rest: Box } {
  const sum = row.reduce((s, i) => s + i.area, 0);
  const placed: Array<{ key: number } & Box> = [];
  if (box.w >= box.h) {
    // A column on the left, items stacked from front to back.
    const width = last ? box.w : sum / box.h;
    let y = box.y;
    row.forEach((item, index) => {
      const height = index === row.length - 1 ? box.y + box.h - y : item.area / width;
      placed.push({ key: item.key, x: box.x, y, w: width, h: height });
      y += height;
    });
    return { placed, rest: { x: box.x + width, y: box.y, w: box.w - width, h: box.h } };
  }
  // A strip along the front, items side by side from left to right.
  const height = last ? box.h : sum / box.w;
  let x = box.x;
  row.forEach((item, index) => {
    const width = index === row.length - 1 ? box.x + box.w - x : item.area / height;
    placed.push({ key: item.key, x, y: box.y, w: width, h: height });
    x += width;
  });
  return { placed, rest: { x: box.x, y: box.y + height, w: box.w, h: box.h - height } };
}

function squarify(items: Item[], box: Box): Map<number, Box> {
  const out = new Map<number, Box>();
  let rest = box;
  let row: Item[] = [];
  let sum = 0;
  let max = 0;
  let min = Number.POSITIVE_INFINITY;
  items.forEach((item, index) => {
    const side = Math.min(rest.w, rest.h);
    if (row.length > 0) {
      const before = worst(sum, max, min, side);
      const after = worst(sum + item.area, Math.max(max, item.area), Math.min(min, item.area), side);
      if (after > before) {
        const laid = layoutRow(row, rest, false);
        for (const p of laid.placed) out.set(p.key, p);
        rest = laid.rest;
        row = [];
        sum = 0;
        max = 0;
        min = Number.POSITIVE_INFINITY;
      }
    }
    row.push(item);
    sum += item.area;
    max = Math.max(max, item.area);
    min = Math.min(min, item.area);
    if (index === items.length - 1) {
      // The last row takes whatever is left, so rounding never leaves a sliver uncovered.
      const laid = layoutRow(row, rest, true);
      for (const p of laid.placed) out.set(p.key, p);
    }
  });
  return out;
}

export function standPlan(input: {
  areaDm2: number;
  frontageDm: number | null;
  spaces: ReadonlyArray<StandPlanSpace>;
  /** Label of the free area's rectangle (the page passes its translation). */
  freeLabel?: string;
}): StandPlan {
  const { areaDm2, frontageDm, spaces } = input;
  if (!Number.isSafeInteger(areaDm2) || areaDm2 <= 0) throw new RangeError(`stand area must be a positive integer, got ${areaDm2}`);
  if (frontageDm !== null && (!Number.isFinite(frontageDm) || frontageDm <= 0)) {
    throw new RangeError(`frontage must be positive, got ${frontageDm}`);
  }
  const seen = new Set<string>();
  let taken = 0;
  for (const space of spaces) {
    if (seen.has(space.id)) throw new RangeError(`duplicate space ${space.id}`);
    seen.add(space.id);
    if (!Number.isSafeInteger(space.areaDm2) || space.areaDm2 <= 0) {
      throw new RangeError(`area of space ${space.id} must be a positive integer, got ${space.areaDm2}`);
    }
    taken += space.areaDm2;
  }
  if (taken > areaDm2) throw new RangeError(`spaces take ${taken} dm2 of a ${areaDm2} dm2 stand`);

  const widthDm = frontageDm ?? Math.sqrt(areaDm2);
  const depthDm = areaDm2 / widthDm;
  const free = areaDm2 - taken;

  // Keys: the index of the space in the input; spaces.length for the free area.
  const order = spaces
    .map((space, key) => ({ key, space }))
    .sort((a, b) => b.space.areaDm2 - a.space.areaDm2 || compareIds(a.space.id, b.space.id))
    .map(({ key, space }) => ({ key, area: space.areaDm2 }));
  if (free > 0) order.push({ key: spaces.length, area: free });

  const boxes = squarify(order, { x: 0, y: 0, w: widthDm, h: depthDm });
  const rects: StandPlanRect[] = spaces.map((space, key) => {
    const box = boxes.get(key)!;
    return { id: space.id, label: space.label, x: box.x, y: box.y, width: box.w, height: box.h, areaDm2: space.areaDm2 };
  });
  if (free > 0) {
    const box = boxes.get(spaces.length)!;
    rects.push({ id: null, label: input.freeLabel ?? "", x: box.x, y: box.y, width: box.w, height: box.h, areaDm2: free });
  }
  return { widthDm, depthDm, rects };
}
