import type { DocumentTemplate } from '../../platform/engine/define.ts';
import type { DocumentBlock, OfficialDocumentSpec } from '../../platform/documents/spec.ts';
import { formatChineseDate } from '../../platform/documents/layout.ts';
import { OUTCOMES, type OutcomeKey } from './outcomes.ts';

type Ctx = Parameters<DocumentTemplate['build']>[0];
const p = (text: string): DocumentBlock => ({ type: 'paragraph', text });
const applicantName = (ctx: Ctx) => String((ctx.data.applicant as { name?: string } | undefined)?.name ?? '');
const received = (ctx: Ctx) => formatChineseDate(String(ctx.data.receivedOn));
const described = (ctx: Ctx) => `“${String(ctx.data.description ?? '')}”`;

function letter(ctx: Ctx, title: string, recipient: string, blocks: DocumentBlock[]): OfficialDocumentSpec {
  return { layout: 'instrument', title, docNumber: ctx.docNumber, issuingOrgName: ctx.orgName, recipient, blocks, signature: ctx.orgName, date: ctx.on };
}


/** 答复书 wording per 第三十六条 answer type; the reason (and the article) is given wherever the law asks for one. */
function answerBody(ctx: Ctx): DocumentBlock[] {
  const key = ctx.input.outcome as OutcomeKey;
  const outcome = OUTCOMES[key];
  const reasons = String(ctx.input.reasons ?? '');
  const opening = p(`本机关于${received(ctx)}收到你（单位）提出的政府信息公开申请（编号：${ctx.caseNo}），申请获取${described(ctx)}。经审查，现答复如下：`);
  const byGroup: Record<string, DocumentBlock[]> = {
    disclose: key === 'already_public'
      ? [p(`你（单位）申请获取的政府信息已经主动公开，可以通过以下方式、途径获取：${String(ctx.input.accessPath ?? '')}。`)]
      : [p(`你（单位）申请获取的政府信息属于公开范围，根据《中华人民共和国政府信息公开条例》${outcome.basis}的规定，本机关予以公开。${ctx.input.content ? String(ctx.input.content) : '现将该政府信息随本答复书一并提供。'}`)],
    partial: [p(`你（单位）申请获取的信息中含有不应当公开的内容，能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关向你（单位）提供可以公开的内容；对不予公开的部分，理由如下：${reasons}`)],
    refuse: [p(`你（单位）申请获取的信息${outcome.label}，根据《中华人民共和国政府信息公开条例》${outcome.basis}的规定，本机关决定不予公开。理由：${reasons}`)],
    unable: [p(`${outcome.label}。${reasons}${ctx.input.referTo ? `负责公开该政府信息的行政机关为：${String(ctx.input.referTo)}。` : ''}（《中华人民共和国政府信息公开条例》${outcome.basis}）`)],
    not_processed: [p(`你（单位）的申请属于“${outcome.label}”的情形，根据《中华人民共和国政府信息公开条例》${outcome.basis}的规定，本机关不予处理。${reasons}`)],
    other: [p(`${reasons}（《中华人民共和国政府信息公开条例》${outcome.basis}）`)],
  };
  return [opening, ...byGroup[outcome.group], p(ctx.text('remedy'))];
}

export const disclosureDocuments: Record<string, DocumentTemplate> = {
  correctionNotice: {
    title: '政府信息公开申请补正告知书', numberKind: '依申请补',
    build: (ctx) => letter(ctx, '政府信息公开申请补正告知书', applicantName(ctx), [
      p(`本机关于${received(ctx)}收到你（单位）提出的政府信息公开申请（编号：${ctx.caseNo}）。经审查，申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，请对以下事项作出补正：`),
      ...((ctx.input.items as string[]) ?? []).map((item, i) => p(`${i + 1}. ${item}`)),
      p(`请在收到本告知书之日起${String(ctx.input.deadlineWorkingDays)}个工作日内补正。答复期限自本机关收到补正的申请之日起计算；无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`),
    ]),
  },
  extensionNotice: {
    title: '政府信息公开申请延期答复告知书', numberKind: '依申请延',
    build: (ctx) => letter(ctx, '政府信息公开申请延期答复告知书', applicantName(ctx), [
      p(`本机关于${received(ctx)}收到你（单位）提出的政府信息公开申请（编号：${ctx.caseNo}）。因${String(ctx.input.reason)}，不能在规定期限内答复。经政府信息公开工作机构负责人同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长${String(ctx.input.workingDays)}个工作日。`),
    ]),
  },
  thirdPartyLetter: {
    title: '政府信息公开征求第三方意见书', numberKind: '依申请征',
    build: (ctx) => letter(ctx, '政府信息公开征求第三方意见书', String(ctx.input.party), [
      p(`本机关收到申请人提出的政府信息公开申请（编号：${ctx.caseNo}），所申请公开的政府信息可能涉及你（单位）的合法权益：${String(ctx.input.matters)}`),
      p('根据《中华人民共和国政府信息公开条例》第三十二条的规定，请自收到本意见书之日起15个工作日内提出书面意见。逾期未提出意见的，由本机关依照条例的规定决定是否公开。'),
    ]),
  },
  agencyLetter: {
    title: '政府信息公开征求意见函', numberKind: '依申请函',
    build: (ctx) => letter(ctx, '政府信息公开征求意见函', String(ctx.input.party), [
      p(`本机关收到申请人提出的政府信息公开申请（编号：${ctx.caseNo}），所申请公开的政府信息由两个以上行政机关共同制作：${String(ctx.input.matters)}`),
      p('根据《中华人民共和国政府信息公开条例》第三十四条的规定，请自收到本函之日起15个工作日内提出意见，逾期未提出意见的视为同意公开。'),
    ]),
  },
  answer: {
    title: '政府信息公开申请答复书', numberKind: '依申请答',
    build: (ctx) => letter(ctx, '政府信息公开申请答复书', applicantName(ctx), answerBody(ctx)),
    texts: {
      remedy: {
        title: '救济途径告知',
        text: '如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼（《中华人民共和国政府信息公开条例》第五十一条）。',
      },
    },
  },
};
