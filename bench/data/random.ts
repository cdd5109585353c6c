/**
 * Deterministic randomness and the word banks the generated records are made of: the same county number
 * always gives the same records, so two runs of `npm run bench:data` hold comparable data.
 */
export type Random = {
  /** A float in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
};

/** mulberry32: tiny, fast and good enough for test data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (choices) => {
      const total = choices.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return choices[choices.length - 1][0];
    },
    chance: (p) => next() < p,
  };
  return random;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '华', '建国', '建华', '志强', '海燕', '红梅', '文斌', '德明', '春花', '玉兰', '晓东', '振华', '永红', '学军', '凤英', '金凤', '淑珍'];

export function personName(random: Random): string {
  return random.pick([...SURNAMES]) + random.pick(GIVEN);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A 居民身份证号码 with a real birth date and a correct check digit (GB 11643). */
export function residentId(random: Random): string {
  const area = random.pick(['510104', '511702', '511723', '110105', '320102', '440305']);
  const birth = `${random.int(1950, 2002)}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}`;
  const body = `${area}${birth}${String(random.int(0, 999)).padStart(3, '0')}`;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + ID_CHECK[sum % 11];
}

export function mobile(random: Random): string {
  return `1${random.pick(['38', '39', '58', '59', '86', '87', '36', '77'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** Two-character place names for counties and townships (华阳, 青石 …). */
const PLACE_FIRST = '东西南北青白金石清安永新长平太云龙凤华宝兴仁和德顺福富康宁嘉明乐';
const PLACE_SECOND = '山河水川阳城桥坝溪岭湖江源林坪镇口塘田峰湾';

export function placeName(index: number): string {
  const first = [...PLACE_FIRST];
  const second = [...PLACE_SECOND];
  return first[index % first.length] + second[Math.floor(index / first.length) % second.length];
}

/** ISO date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A date of the year, spread evenly; `beforeDay` keeps it that many days before the year's end. */
export function dayOfYear(random: Random, year: number, beforeDay = 0): string {
  return addDays(`${year}-01-01`, random.int(0, 364 - beforeDay));
}

/** Never later than today: generated dates for a recent year may run past it. */
export function notAfter(date: string, today: string): string {
  return date > today ? today : date;
}
