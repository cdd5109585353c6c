import type { DocumentTemplate } from '../../platform/engine/define.ts';
import type { DocumentBlock, OfficialDocumentSpec } from '../../platform/documents/spec.ts';
import { formatChineseDate } from '../../platform/documents/layout.ts';
import { DECISIONS, TERMINATION_REASONS, type DecisionKind } from './schemas.ts';

type Ctx = Parameters<DocumentTemplate['build']>[0];
type PartyData = { name: string; kind: string; idNumber?: string; address?: string; legalRepresentative?: string };

const applicantsOf = (ctx: Ctx) => (ctx.data.applicants as PartyData[] | undefined) ?? [];
const applicantNames = (ctx: Ctx) => applicantsOf(ctx).map((a) => a.name).join('、');
const actTitle = (ctx: Ctx) => {
  const act = ctx.data.act as { title?: string; docNumber?: string } | undefined;
  return `${act?.title ?? ''}${act?.docNumber ? `（${act.docNumber}）` : ''}`;
};
const p = (text: string): DocumentBlock => ({ type: 'paragraph', text });

/** The 文书 layout shared by the notices: review body as issuer, the case number in the text. */
function notice(ctx: Ctx, title: string, recipient: string | undefined, blocks: DocumentBlock[]): OfficialDocumentSpec {
  return {
    layout: 'instrument', title, docNumber: ctx.docNumber, issuingOrgName: ctx.orgName, recipient,
    blocks, signature: ctx.orgName, date: ctx.on,
  };
}

function partyBlocks(ctx: Ctx): DocumentBlock[] {
  const lines = applicantsOf(ctx).map((a) => p(`申请人：${a.name}${a.address ? `，住所地${a.address}` : ''}${a.legalRepresentative ? `，法定代表人${a.legalRepresentative}` : ''}。`));
  return [...lines, p(`被申请人：${String(ctx.data.respondentName ?? '')}。`)];
}

export const reconsiderationDocuments: Record<string, DocumentTemplate> = {
  correctionNotice: {
    title: '行政复议申请补正通知书', numberKind: '复补',
    build: (ctx) => notice(ctx, '行政复议申请补正通知书', applicantNames(ctx), [
      p(`本机关于${formatChineseDate(String(ctx.data.receivedOn))}收到你（单位）对${actTitle(ctx)}提出的行政复议申请（案号：${ctx.caseNo}）。经审查，申请材料不齐全或者表述不清楚，无法判断是否符合《中华人民共和国行政复议法》第三十条第一款的规定。根据该法第三十一条的规定，请补正以下事项：`),
      ...((ctx.input.items as string[]) ?? []).map((item, i) => p(`${i + 1}. ${item}`)),
      p('请自收到本通知之日起十日内提交补正材料。有正当理由不能按期补正的，可以申请延长补正期限；无正当理由逾期不补正的，视为放弃行政复议申请。'),
    ]),
  },
  acceptanceNotice: {
    title: '行政复议受理通知书', numberKind: '复受',
    build: (ctx) => notice(ctx, '行政复议受理通知书', applicantNames(ctx), [
      p(`你（单位）对${String(ctx.data.respondentName ?? '')}作出的${actTitle(ctx)}不服，于${formatChineseDate(String(ctx.data.receivedOn))}提出的行政复议申请（案号：${ctx.caseNo}），经审查符合《中华人民共和国行政复议法》第三十条第一款规定的受理条件，本机关决定予以受理${ctx.input.procedureType === 'simplified' ? '，适用简易程序审理' : ''}。`),
      p(`本机关将依法在${ctx.input.procedureType === 'simplified' ? '受理之日起三十日' : '受理之日起六十日'}内作出行政复议决定。行政复议期间，你（单位）可以依法查阅、复制被申请人提出的书面答复、作出行政行为的证据、依据和其他有关材料。`),
    ]),
  },
  rejectionDecision: {
    title: '不予受理行政复议申请决定书', numberKind: '复不受',
    build: (ctx) => notice(ctx, '不予受理行政复议申请决定书', applicantNames(ctx), [
      ...partyBlocks(ctx),
      p(`申请人不服被申请人作出的${actTitle(ctx)}，于${formatChineseDate(String(ctx.data.receivedOn))}向本机关申请行政复议。经审查，${String(ctx.input.reason)}`),
      p('根据《中华人民共和国行政复议法》第三十条第二款的规定，本机关决定不予受理。'),
      ...(ctx.input.competentBody ? [p(`本案不属于本机关管辖，请向有管辖权的${String(ctx.input.competentBody)}申请行政复议。`)] : []),
      p(ctx.text('remedy')),
    ]),
    texts: { remedy: { title: '救济途径告知', text: '申请人如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。' } },
  },
  answerNotice: {
    title: '行政复议答复通知书', numberKind: '复答',
    build: (ctx) => notice(ctx, '行政复议答复通知书', String(ctx.data.respondentName ?? ''), [
      p(`${applicantNames(ctx)}对你单位作出的${actTitle(ctx)}不服，向本机关申请行政复议，本机关已依法受理（案号：${ctx.caseNo}）。现将行政复议申请书副本发送你单位。`),
      p(`根据《中华人民共和国行政复议法》${ctx.data.procedureType === 'simplified' ? '第五十四条' : '第四十八条'}的规定，请你单位自收到本通知之日起${ctx.data.procedureType === 'simplified' ? '五' : '十'}日内提出书面答复，并提交作出行政行为的证据、依据和其他有关材料。逾期不提出书面答复、不提交证据、依据的，视为该行政行为没有证据、依据（第七十条）。`),
    ]),
  },
  extensionNotice: {
    title: '行政复议延期审理通知书', numberKind: '复延',
    build: (ctx) => notice(ctx, '行政复议延期审理通知书', applicantNames(ctx), [
      p(`你（单位）申请行政复议一案（案号：${ctx.caseNo}），因${String(ctx.input.reason)}，情况复杂，不能在规定期限内作出行政复议决定。经行政复议机构负责人批准，根据《中华人民共和国行政复议法》第六十二条的规定，审理期限延长${String(ctx.input.days)}日。`),
    ]),
  },
  suspensionNotice: {
    title: '行政复议中止通知书', numberKind: '复中',
    build: (ctx) => notice(ctx, '行政复议中止通知书', applicantNames(ctx), [
      p(`你（单位）申请行政复议一案（案号：${ctx.caseNo}），因${String(ctx.input.ground)}${ctx.input.detail ? `（${String(ctx.input.detail)}）` : ''}，根据《中华人民共和国行政复议法》第三十九条的规定，本案中止审理。中止原因消除后，本机关将及时恢复审理。`),
    ]),
  },
  resumptionNotice: {
    title: '行政复议恢复审理通知书', numberKind: '复恢',
    build: (ctx) => notice(ctx, '行政复议恢复审理通知书', applicantNames(ctx), [
      p(`你（单位）申请行政复议一案（案号：${ctx.caseNo}），中止原因已经消除，根据《中华人民共和国行政复议法》第四十条的规定，本机关恢复审理。`),
    ]),
  },
  terminationDecision: {
    title: '行政复议终止决定书', numberKind: '复终',
    build: (ctx) => notice(ctx, '行政复议终止决定书', applicantNames(ctx), [
      ...partyBlocks(ctx),
      p(`申请人不服被申请人作出的${actTitle(ctx)}，向本机关申请行政复议，本机关依法受理（案号：${ctx.caseNo}）。行政复议期间，${TERMINATION_REASONS[ctx.input.reason as keyof typeof TERMINATION_REASONS]}${ctx.input.detail ? `（${String(ctx.input.detail)}）` : ''}。`),
      p('根据《中华人民共和国行政复议法》第四十一条的规定，本机关决定终止行政复议。'),
    ]),
  },
  mediationAgreement: {
    title: '行政复议调解书', numberKind: '复调',
    build: (ctx) => notice(ctx, '行政复议调解书', undefined, [
      ...partyBlocks(ctx),
      p(`申请人不服被申请人作出的${actTitle(ctx)}，向本机关申请行政复议（案号：${ctx.caseNo}）。行政复议期间，经本机关主持调解，当事人自愿达成如下协议：`),
      p(String(ctx.input.terms)),
      p('本调解书经各方当事人签字或者签章，并加盖本机关印章，即具有法律效力（《中华人民共和国行政复议法》第七十三条）。'),
    ]),
  },
  decision: {
    title: '行政复议决定书', numberKind: '复决',
    build: (ctx) => {
      const kind = ctx.input.decision as DecisionKind;
      const meta = DECISIONS[kind];
      return notice(ctx, '行政复议决定书', undefined, [
        ...partyBlocks(ctx),
        p(`申请人不服被申请人作出的${actTitle(ctx)}，于${formatChineseDate(String(ctx.data.receivedOn))}向本机关申请行政复议，本机关依法受理（案号：${ctx.caseNo}）${ctx.data.procedureType === 'simplified' ? '，适用简易程序' : ''}，现已审理终结。`),
        p(`申请人请求：${String(ctx.data.request ?? '')}`),
        { type: 'heading', level: 1, title: '经审理查明' },
        p(String(ctx.input.facts)),
        { type: 'heading', level: 1, title: '本机关认为' },
        p(String(ctx.input.reasoning)),
        p(`根据《中华人民共和国行政复议法》${meta.basis}的规定，本机关决定如下：`),
        p(decisionText(kind, ctx)),
        ...(ctx.input.compensation ? [p(`被申请人依法给予赔偿：${String(ctx.input.compensation)}。（第七十二条）`)] : []),
        p(ctx.text('remedy')),
      ]);
    },
    texts: { remedy: { title: '救济途径告知', text: '申请人如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。' } },
  },
  opinionLetter: {
    title: '行政复议意见书', numberKind: '复意',
    build: (ctx) => notice(ctx, '行政复议意见书', String(ctx.input.toOrgName), [
      p(`本机关在办理${applicantNames(ctx)}申请行政复议一案（案号：${ctx.caseNo}）过程中，发现你单位存在以下问题：`),
      p(String(ctx.input.problems)),
      p(`为此，根据《中华人民共和国行政复议法》第七十六条的规定，提出如下意见：${String(ctx.input.suggestions)}`),
      p('请自收到本意见书之日起六十日内，将纠正相关违法或者不当行政行为的情况报送本机关。'),
    ]),
  },
};

function decisionText(kind: DecisionKind, ctx: Ctx): string {
  const act = `被申请人作出的${actTitle(ctx)}`;
  const partial = ctx.input.isPartial ? '部分' : '';
  switch (kind) {
    case 'change': return `变更${act}。`;
    case 'revoke': return `${partial}撤销${act}${ctx.input.orderRedo ? '，责令被申请人在一定期限内重新作出行政行为' : ''}。`;
    case 'confirmIllegal': return `确认${act}违法。`;
    case 'orderPerformance': return `责令被申请人${ctx.input.performanceDeadline ? `在${String(ctx.input.performanceDeadline)}内` : '在一定期限内'}履行法定职责。`;
    case 'confirmInvalid': return `确认${act}无效。`;
    case 'uphold': return `维持${act}。`;
    case 'dismiss': return '驳回申请人的行政复议请求。';
  }
}

