import type { ImportedItemInput } from '../../server/platform/publishing/import-items.ts';
import { addDays, dayOfYear, notAfter, personName, type Random } from './random.ts';

/**
 * A county's published items of a year, as its old website would hand them over: every category of the
 * catalogue, titles in the usual forms (通知, 决定书, 公告 …) and bodies of several paragraphs built from a
 * bank of government phrasing, so searches meet the vocabulary and the frequencies a real site has.
 */
export type ItemOrg = { id: number; name: string };
export type ItemContext = { year: number; today: string; place: string; orgs: ItemOrg[] };

const TOPICS = [
  '乡村振兴', '优化营商环境', '安全生产', '生态环境保护', '义务教育', '基层医疗卫生', '城乡居民养老保险', '农村公路建设', '城镇老旧小区改造', '财政预算管理',
  '政务公开', '法治政府建设', '防汛抗旱', '森林防火', '食品安全', '市场监管', '高标准农田建设', '社会救助', '就业创业', '招商引资', '人居环境整治',
  '河长制', '林长制', '矛盾纠纷排查化解', '普法宣传', '行政执法监督', '消防安全', '疫情防控', '文化旅游', '科技创新', '数字政府', '垃圾分类',
];
const DOC_TYPES = ['实施方案', '管理办法', '工作方案', '实施细则', '考核办法', '应急预案', '三年行动计划'];
const SUBJECTS = ['县委县政府', '各乡镇人民政府', '各有关部门', '全县上下', '相关职能部门', '各村（社区）', '执法人员', '项目建设单位'];
const VERBS = ['高度重视', '认真贯彻落实', '统筹推进', '持续深化', '扎实开展', '切实加强', '全面落实', '进一步规范', '积极推动', '严格执行'];
const OBJECTS = [
  '各项工作任务', '责任分工和工作机制', '监督检查和考核评估', '群众反映强烈的突出问题', '信息报送和公开工作', '资金使用和绩效管理', '风险隐患排查整治',
  '政策宣传和解读工作', '基础设施建设', '公共服务均等化', '依法行政工作', '行政审批制度改革', '重点项目建设', '社会治理能力', '民生实事项目',
];
const CLOSINGS = ['确保各项工作落到实处', '不断提升人民群众的获得感、幸福感、安全感', '为全县经济社会高质量发展提供有力保障', '推动工作取得实效', '切实维护人民群众合法权益'];
const PENALTY_FACTS = ['销售过期食品', '未取得许可擅自经营', '超限超载运输', '违法占用耕地', '未按规定设置安全警示标志', '排放污染物超过标准', '无证行医', '价格欺诈'];
const COMPANIES = ['商贸有限公司', '建筑工程有限公司', '农业开发有限公司', '食品有限公司', '运输有限公司', '餐饮店', '超市', '药房'];

const CATEGORIES = [
  ['penalty', 15], ['licensing', 15], ['normative_documents', 5], ['planning', 5], ['statistics', 8], ['budget', 3], ['procurement', 10],
  ['livelihood', 10], ['emergency', 3], ['supervision', 5], ['major_projects', 3], ['interpretation', 4], ['org_functions', 1], ['other', 13],
] as const;

function sentence(random: Random): string {
  return `${random.pick(SUBJECTS)}要${random.pick(VERBS)}${random.pick(TOPICS)}，${random.pick(VERBS)}${random.pick(OBJECTS)}，${random.pick(CLOSINGS)}。`;
}

function paragraphs(random: Random, count: number, lead: string): string {
  const ps = [lead];
  for (let p = 1; p < count; p += 1) ps.push(Array.from({ length: random.int(2, 5) }, () => sentence(random)).join(''));
  return ps.map((text) => `<p>${text}</p>`).join('');
}

function titleAndLead(random: Random, category: string, org: ItemOrg, ctx: ItemContext, n: number): { title: string; lead: string; docNumber?: string } {
  const topic = random.pick(TOPICS);
  const company = `${ctx.place}县${personName(random).slice(0, 1)}氏${random.pick(COMPANIES)}`;
  switch (category) {
    case 'penalty': {
      const docNumber = `${ctx.place}罚〔${ctx.year}〕${n}号`;
      return { title: `${org.name}行政处罚决定书（${docNumber}）`, docNumber, lead: `当事人${company}因${random.pick(PENALTY_FACTS)}，违反了有关法律法规的规定，本机关依法作出行政处罚决定。当事人不服的，可以依法申请行政复议或者提起行政诉讼。` };
    }
    case 'licensing':
      return { title: `关于准予${company}${random.pick(['食品经营许可', '建设工程规划许可', '道路运输经营许可', '取水许可'])}的决定`, lead: `${company}提出的行政许可申请，经审查符合法定条件、标准，本机关决定准予行政许可。` };
    case 'normative_documents': {
      const docNumber = `${ctx.place}府发〔${ctx.year}〕${n}号`;
      return { title: `${org.name}关于印发《${ctx.place}县${topic}${random.pick(DOC_TYPES)}》的通知`, docNumber, lead: `现将《${ctx.place}县${topic}${random.pick(DOC_TYPES)}》印发给你们，请结合实际认真贯彻执行。` };
    }
    case 'statistics':
      return { title: `${ctx.year}年${random.int(1, 12)}月${ctx.place}县${topic}统计数据`, lead: `本月全县${topic}主要指标运行平稳，各项数据详见下表。` };
    case 'budget':
      return { title: `${org.name}${ctx.year}年部门预算公开说明`, lead: `根据预算法和政府信息公开条例的规定，现将${org.name}${ctx.year}年部门预算公开如下。` };
    case 'procurement':
      return { title: `${ctx.place}县${topic}项目采购结果公告`, lead: `本项目采用公开招标方式采购，经评标委员会评审，确定中标（成交）供应商为${company}。` };
    case 'interpretation':
      return { title: `《${ctx.place}县${topic}${random.pick(DOC_TYPES)}》政策解读`, lead: `为便于社会公众理解${topic}有关政策，现就起草背景、主要内容和适用对象解读如下。` };
    default:
      return { title: `${org.name}关于${random.chance(0.5) ? '做好' : '开展'}${topic}${random.pick(['工作的通知', '专项行动的公告', '工作情况的通报', '有关事项的通知'])}`, lead: sentence(random) };
  }
}

export function* itemInputs(random: Random, count: number, ctx: ItemContext): Generator<ImportedItemInput> {
  for (let n = 1; n <= count; n += 1) {
    const org = random.pick(ctx.orgs);
    const category = random.weighted(CATEGORIES);
    const formedOn = notAfter(dayOfYear(random, ctx.year), ctx.today);
    const publishedOn = notAfter(addDays(formedOn, random.chance(0.9) ? random.int(0, 25) : random.int(26, 60)), ctx.today);
    const { title, lead, docNumber } = titleAndLead(random, category, org, ctx, n);
    const hour = String(random.int(8, 17)).padStart(2, '0');
    yield {
      orgId: org.id, category, title, ...(docNumber ? { docNumber } : {}),
      bodyHtml: paragraphs(random, random.int(3, 8), lead), formedOn,
      publishedAt: publishedOn === ctx.today ? `${publishedOn}T00:00:00+08:00` : `${publishedOn}T${hour}:${String(random.int(0, 59)).padStart(2, '0')}:00+08:00`,
    };
  }
}
