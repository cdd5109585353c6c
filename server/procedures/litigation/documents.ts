import type { DocumentTemplate } from '../../platform/engine/define.ts';
import type { DocumentBlock, OfficialDocumentSpec } from '../../platform/documents/spec.ts';
import { formatChineseDate } from '../../platform/documents/layout.ts';
import { AUTHORITIES, HEAD_ROLES, type HearingInput } from './schemas.ts';

type Ctx = Parameters<DocumentTemplate['build']>[0];
type PartyData = { name: string; kind: string; address?: string; legalRepresentative?: string };
type Evidence = { name: string; purpose?: string };
type Defence = { facts: string; reasons: string; request: string; evidence: Evidence[]; normativeDocuments: string[] };

const p = (text: string): DocumentBlock => ({ type: 'paragraph', text });
const str = (value: unknown) => (value == null ? '' : String(value));

const plaintiffsOf = (ctx: Ctx) => (ctx.data.plaintiffs as PartyData[] | undefined) ?? [];
const plaintiffNames = (ctx: Ctx) => plaintiffsOf(ctx).map((a) => a.name).join('、');
const defendant = (ctx: Ctx) => str(ctx.data.defendantName) || ctx.orgName;
const legalRep = (ctx: Ctx) => (ctx.data.legalRepresentative as { name: string; position: string } | undefined) ?? { name: '', position: '' };
const actTitle = (ctx: Ctx) => {
  const act = ctx.data.act as { title?: string; docNumber?: string } | undefined;
  return `${act?.title ?? ''}${act?.docNumber ? `（${act.docNumber}）` : ''}`;
};
/** “原告张三诉我单位行政处罚决定一案（案号：（2024）川1724行初12号）”, the defendant naming itself as `self`. */
const caseRef = (ctx: Ctx, self = '我单位') => `原告${plaintiffNames(ctx)}诉${self}${actTitle(ctx)}一案（案号：${str(ctx.data.courtCaseNo)}）`;
const hearing = (ctx: Ctx) => ctx.input as HearingInput;

/** Papers the defendant files with the court: the 文书 layout, the defendant as issuer and signatory, the court addressed. */
function filing(ctx: Ctx, title: string, blocks: DocumentBlock[], recipient?: string): OfficialDocumentSpec {
  return {
    layout: 'instrument', title, docNumber: ctx.docNumber, issuingOrgName: defendant(ctx), recipient,
    blocks, signature: defendant(ctx), date: ctx.on,
  };
}

function partyBlocks(ctx: Ctx): DocumentBlock[] {
  const rep = legalRep(ctx);
  const plaintiffs = plaintiffsOf(ctx).map((a) =>
    p(`被答辩人（原告）：${a.name}${a.address ? `，住址${a.address}` : ''}${a.legalRepresentative ? `，法定代表人${a.legalRepresentative}` : ''}。`));
  return [p(`答辩人（被告）：${defendant(ctx)}。`), p(`法定代表人：${rep.name}，${rep.position}。`), ...plaintiffs];
}

function defenceBlocks(ctx: Ctx): DocumentBlock[] {
  const defence = ctx.input as Defence;
  const evidenceRows = defence.evidence.map((e, i) => [String(i + 1), e.name, e.purpose ?? '']);
  return [
    ...partyBlocks(ctx),
    p(`答辩人于${formatChineseDate(str(ctx.data.receivedOn))}收到${str(ctx.data.court)}送达的${caseRef(ctx, '答辩人')}起诉状副本。根据《中华人民共和国行政诉讼法》第六十七条第一款的规定，现提出答辩如下：`),
    { type: 'heading', level: 1, title: '被诉行政行为的作出经过和认定的事实' },
    p(defence.facts),
    { type: 'heading', level: 1, title: '答辩理由' },
    p(defence.reasons),
    p(`综上所述，${defence.request}`),
    { type: 'heading', level: 1, title: '证据和所依据的规范性文件' },
    p('根据《中华人民共和国行政诉讼法》第三十四条第一款的规定，答辩人一并提交作出被诉行政行为的证据（证据清单如下）：'),
    { type: 'table', hasHeaderRow: true, widths: [1, 5, 6], rows: [['序号', '证据名称', '证明目的'], ...evidenceRows] },
    p(defence.normativeDocuments.length ? `所依据的规范性文件：${defence.normativeDocuments.map((d) => `《${d.replace(/^《|》$/g, '')}》`).join('、')}。` : '所依据的法律、法规见答辩理由。'),
    p('此致'),
    p(str(ctx.data.court)),
  ];
}

function authorizationBlocks(ctx: Ctx): DocumentBlock[] {
  const input = hearing(ctx);
  const rep = legalRep(ctx);
  const agents = [
    ...input.staff.map((s) => p(`受托人：${s.name}，${defendant(ctx)}${s.position}（本机关工作人员）。`)),
    ...input.lawyers.map((l) => p(`受托人：${l.name}，${l.firm}律师。`)),
  ];
  const why = input.isHeadPresent
    ? `我单位负责人${input.head?.name ?? ''}出庭应诉，另行委托下列人员作为诉讼代理人（最高人民法院关于适用《中华人民共和国行政诉讼法》的解释第一百二十八条第二款）。`
    : `我单位负责人因${str(input.absenceReason)}不能出庭，根据《中华人民共和国行政诉讼法》第三条第三款的规定，委托本机关相应的工作人员出庭应诉。`;
  return [
    p(`委托单位：${defendant(ctx)}。`),
    p(`法定代表人：${rep.name}，职务：${rep.position}。`),
    ...agents,
    p(`现委托上列受托人在${caseRef(ctx)}中，作为我单位的诉讼代理人。${why}`),
    p(`代理权限：${AUTHORITIES[input.authority]}。`),
  ];
}

export const litigationDocuments: Record<string, DocumentTemplate> = {
  defenceStatement: {
    title: '行政诉讼答辩状', numberKind: '诉答',
    build: (ctx) => filing(ctx, '行政诉讼答辩状', defenceBlocks(ctx)),
  },
  legalRepresentativeCertificate: {
    title: '法定代表人身份证明书', numberKind: '诉身',
    build: (ctx) => {
      const head = hearing(ctx).head;
      return filing(ctx, '法定代表人身份证明书', [
        p(`${head?.name ?? ''}在我单位任${head?.position ?? ''}职务，是我单位的法定代表人。`),
        p(`现由其作为行政机关负责人出庭参加${caseRef(ctx)}的诉讼（《中华人民共和国行政诉讼法》第三条第三款）。`),
        p('特此证明。'),
      ], str(ctx.data.court));
    },
  },
  headIdentityCertificate: {
    title: '行政机关负责人出庭应诉身份证明书', numberKind: '诉身',
    build: (ctx) => {
      const head = hearing(ctx).head;
      return filing(ctx, '行政机关负责人出庭应诉身份证明书', [
        p(`${head?.name ?? ''}在我单位任${head?.position ?? ''}职务，系我单位${head ? HEAD_ROLES[head.role] : ''}，属于《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第二条第一款规定的被诉行政机关负责人。`),
        p(`现由其作为行政机关负责人出庭参加${caseRef(ctx)}的诉讼（《中华人民共和国行政诉讼法》第三条第三款）。`),
        p('特此证明。'),
      ], str(ctx.data.court));
    },
  },
  absenceStatement: {
    title: '行政机关负责人不能出庭应诉情况说明', numberKind: '诉说',
    build: (ctx) => {
      const input = hearing(ctx);
      const staff = input.staff.map((s) => `${s.name}（${s.position}）`).join('、');
      return filing(ctx, '行政机关负责人不能出庭应诉情况说明', [
        p(`贵院审理的${caseRef(ctx)}，定于${formatChineseDate(input.hearingOn)}开庭审理。我单位负责人因${str(input.absenceReason)}${input.absenceDetail ? `（${input.absenceDetail}）` : ''}，不能出庭应诉。`),
        p(`根据《中华人民共和国行政诉讼法》第三条第三款和《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第八条、第九条的规定，特此说明，相关证明材料随附。我单位委托本机关工作人员${staff}出庭应诉。`),
      ], str(ctx.data.court));
    },
  },
  authorization: {
    title: '出庭应诉授权委托书', numberKind: '诉委',
    build: (ctx) => filing(ctx, '授权委托书', authorizationBlocks(ctx), str(ctx.data.court)),
  },
};
