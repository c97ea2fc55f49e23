import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { kbCategories, kbSynonyms, users } from '../schema/index.ts';
import { createArticle, reviewVersion } from '../../modules/knowledge/knowledge.commands.ts';
import { saveCannedReply } from '../../modules/knowledge/canned-replies.commands.ts';

// The demo's knowledge base: the standard Q&A and scripts the source documents
// quote (KB-01, KB-03, KB-04, KB-06, INQ-01, INQ-10, CHN-17), published, plus
// synonyms and the pre-sales chat flow as canned replies.

export async function seedDemoKnowledge(db: Db): Promise<void> {
  const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'cs_manager'));
  if (!manager) return;
  const cats = await db.insert(kbCategories).values([
    { name: '产品知识', sort: 1 }, { name: '配送与售后', sort: 2 }, { name: '话术', sort: 3 }, { name: '服务规范', sort: 4 },
  ]).returning();
  const cat = (name: string) => cats.find((c) => c.name === name)!.id;
  const articles = [
    { kind: 'faq', categoryId: cat('产品知识'), title: '巴氏鲜奶的保质期和储存方法', tags: ['鲜奶', '保质期'],
      body: '巴氏杀菌鲜牛奶需 2–6℃ 冷藏,保质期 7 天(以包装日期为准)。开封后请在 24 小时内饮用。出现异味、结块请勿饮用,并记录批号和生产日期后登记投诉。' },
    { kind: 'faq', categoryId: cat('配送与售后'), title: '入户订奶的送奶时间与配送范围', tags: ['订奶', '配送'],
      body: '入户订奶每天早上 7 点前送达;市区各区均可配送,郊县请先查询基站覆盖。新订户次日起送;暂停、改址请提前一天来电。' },
    { kind: 'faq', categoryId: cat('配送与售后'), title: '网店发货、快递与退换货规则', tags: ['快递', '退换货'],
      body: '官方直营、产地直发;默认中通快递,需要其他快递请备注;支持 7 天无理由退换(生鲜乳品除外,质量问题除外)。' },
    { kind: 'script', categoryId: cat('话术'), title: '回访开场白(标准话术)', tags: ['回访'],
      body: '您好,我是恒康乳业客服中心的{agentName},请问您是{customerName}先生/小姐吗?打扰您了。关于您上次反映的问题,我们想了解一下处理结果您是否满意。' },
    { kind: 'script', categoryId: cat('话术'), title: '客户要求优惠时的应答', tags: ['优惠', '价格'],
      body: '我们是厂家直营,不以价格竞争,品质有保障;考虑到是第一次合作,我特别向公司申请了 10% 的优惠,您看可以吗?' },
    { kind: 'article', categoryId: cat('服务规范'), title: '礼貌用语与禁用语', tags: ['礼貌用语', '质检'],
      body: '十字礼貌用语:请、您好、对不起、谢谢、再见。问候:早上好、您好。打断客户时说"对不起,请让我打断一下"。禁止使用粗俗、伤人的语言,不与客户争辩,不做夸大其词的承诺。' },
  ];
  for (const a of articles) {
    const articleId = await createArticle(db, manager.id, { ...a, submit: true });
    await reviewVersion(db, manager.id, articleId, 1, true);
  }
  await db.insert(kbSynonyms).values([{ words: ['酸奶', '酸牛奶'] }, { words: ['鲜奶', '鲜牛奶', '巴氏奶'] }, { words: ['快递', '物流'] }]);
  const canned = [
    { shortcut: 'hy', title: '欢迎语', body: '您好,欢迎光临恒康乳业官方店,我是客服{agentName}(工号 {jobNumber}),很高兴为您服务!', category: '售前流程' },
    { shortcut: 'hd', title: '活动告知', body: '本周下单鲜奶月卡立减 20 元,满 99 元包邮,活动截止到本周日。', category: '售前流程' },
    { shortcut: 'qr', title: '订单确认', body: '{customerName},跟您核对一下:收货人、电话、地址和规格都正确吗?确认后我们马上为您安排发货。', category: '售前流程' },
    { shortcut: 'sc', title: '邀请收藏店铺', body: '感谢您的支持!收藏{shopName}可以第一时间收到新品和优惠信息哦。', category: '售前流程' },
    { shortcut: 'dd', title: '请稍等', body: '好的,请您稍等,我马上为您查询。', category: '通用' },
  ];
  for (const c of canned) await saveCannedReply(db, manager.id, null, { ...c, teamId: null });
}
