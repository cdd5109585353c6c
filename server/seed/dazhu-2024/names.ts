/**
 * Deterministic variety for the fixture: the same load gives the same names, dates and amounts every time,
 * so its figures and its tests never drift. Names are invented; no real person's data is used.
 */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武';
const GIVEN = '建国志强秀英桂兰玉梅文华德明晓燕海涛春梅丽娟红霞小平国庆永红德华俊杰雪梅家兴明辉金凤淑芬春华建军海燕秀珍光荣伟丽';

/** A small seeded generator (mulberry32): reproducible, good enough to spread dates and pick variants. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The i-th invented name: a surname and one or two given characters. */
export function personName(i: number): string {
  const surname = SURNAMES[(i * 7) % SURNAMES.length];
  const first = GIVEN[(i * 13) % GIVEN.length];
  const second = i % 3 === 0 ? '' : GIVEN[(i * 29 + 5) % GIVEN.length];
  return `${surname}${first}${second}`;
}

export function pick<T>(items: readonly T[], i: number): T {
  return items[((i % items.length) + items.length) % items.length];
}

/**
 * Distributes `total` over weighted parts by largest remainder, so the parts always add up exactly.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((v, i) => ({ i, rest: v - Math.floor(v) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; k < total - parts.reduce((a, b) => a + b, 0); k++) parts[order[k].i] += 1;
  return parts;
}
