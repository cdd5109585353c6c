import type { DocumentTemplate } from '../../platform/engine/define.ts';
import type { DocumentBlock, OfficialDocumentSpec } from '../../platform/documents/spec.ts';
import { formatChineseDate } from '../../platform/documents/layout.ts';

type Ctx = Parameters<DocumentTemplate['build']>[0];
type PartyData = { name: string; kind: string; idNumber?: string; address?: string; phone?: string; role?: string };

const p = (text: string): DocumentBlock => ({ type: 'paragraph', text });
const ROLE = { applicant: '申请人', respondent: '被申请人', other: '当事人' } as const;
const partiesOf = (ctx: Ctx) => (ctx.data.parties as PartyData[] | undefined) ?? [];
const partyLines = (ctx: Ctx) => partiesOf(ctx).map((x) => p(`${ROLE[(x.role ?? 'other') as keyof typeof ROLE]}：${x.name}${x.idNumber ? `，身份证件号码${x.idNumber}` : ''}${x.address ? `，住所${x.address}` : ''}${x.phone ? `，联系电话${x.phone}` : ''}。`));

function form(ctx: Ctx, title: string, blocks: DocumentBlock[], isSealed = true): OfficialDocumentSpec {
  return { layout: 'instrument', title, docNumber: ctx.docNumber, issuingOrgName: ctx.orgName, blocks, signature: ctx.orgName, date: ctx.on, isSealed };
}

/** 人民调解文书 (人民调解法第二十八条至第三十条; forms follow the 司法部 人民调解文书格式). */
export const mediationDocuments: Record<string, DocumentTemplate> = {
  application: {
    title: '人民调解申请书',
    build: (ctx) => form(ctx, '人民调解申请书', [
      ...partyLines(ctx),
      p(`纠纷简要情况：${String(ctx.data.summary ?? '')}`),
      p('申请人自愿申请人民调解委员会调解上述纠纷。本申请由调解委员会工作人员根据申请人口述代为填写，经申请人确认无误。'),
      p('申请人（签名或者盖章、按指印）：'),
    ], false),
  },
  sessionRecord: {
    title: '人民调解笔录',
    build: (ctx) => form(ctx, '调解笔录', [
      p(`时间：${formatChineseDate(String(ctx.input.sessionOn))}　地点：${String(ctx.input.place)}`),
      p(`调解员：${(ctx.input.mediators as string[]).join('、')}　　在场人员：${((ctx.input.attendees as string[]) ?? []).join('、') || '无'}`),
      ...partyLines(ctx),
      p(`调解记录：${String(ctx.input.record)}`),
      p('当事人（签名）：　　　　　　调解员（签名）：　　　　　　记录人（签名）：'),
    ], false),
  },
  agreement: {
    title: '人民调解协议书', numberKind: '调协',
    build: (ctx) => form(ctx, '人民调解协议书', [
      ...partyLines(ctx),
      p(`纠纷主要事实、争议事项以及各方当事人的责任：${String(ctx.input.facts)}`),
      p(`经本委员会调解，当事人自愿达成如下协议：${String(ctx.input.terms)}`),
      p(`履行方式、时限：${String(ctx.input.performance)}`),
      p(ctx.text('effect')),
      p('当事人（签名或者盖章、按指印）：　　　　　　人民调解员（签名）：'),
    ]),
    texts: {
      effect: {
        title: '协议效力与份数',
        text: '本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。本协议书一式三份，当事人、人民调解委员会各持一份（人民调解法第二十九条）。当事人可以自协议生效之日起三十日内共同向人民法院申请司法确认（第三十三条）。',
      },
    },
  },
  oralRecord: {
    title: '口头调解协议登记表',
    build: (ctx) => form(ctx, '口头调解协议登记表', [
      ...partyLines(ctx),
      p(`纠纷简要情况：${String(ctx.data.summary ?? '')}`),
      p(`口头协议内容：${String(ctx.input.terms)}；履行方式、时限：${String(ctx.input.performance)}。`),
      p(`协议达成日期：${formatChineseDate(String(ctx.input.effectiveOn))}。口头调解协议自各方当事人达成协议之日起生效（人民调解法第三十条）。`),
      p('人民调解员（签名）：'),
    ], false),
  },
  followUpRecord: {
    title: '人民调解回访记录',
    build: (ctx) => form(ctx, '人民调解回访记录', [
      p(`回访日期：${formatChineseDate(ctx.on)}　回访方式：${({ phone: '电话回访', visit: '上门走访', other: '其他' } as Record<string, string>)[String(ctx.input.way)] ?? ''}`),
      ...partyLines(ctx),
      p(`回访情况：${String(ctx.input.findings)}`),
      p(`当事人是否满意：${ctx.input.isSatisfied ? '满意' : '不满意'}`),
      p('回访人（签名）：'),
    ], false),
  },
};
