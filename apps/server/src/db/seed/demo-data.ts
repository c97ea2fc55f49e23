import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../schema/index.ts';
import { loadPrincipal } from '../../platform/auth/sessions.ts';
import { createTicket, type CreateTicketInput } from '../../modules/intake/create-ticket.ts';
import { unitRunner } from '../../platform/events/unit-of-work.ts';
import { updateTicket } from '../../modules/tickets/update-ticket.ts';
import { seedDemoCallbackHistory } from './demo-callbacks.ts';

// A few customers and work orders so a first look at the console is not empty.

/** The demo archive (the README's curl example records a work order for the first). */
export const DEMO_CUSTOMERS = [
  { name: '张建国', phone: '13812345678', address: '北京市朝阳区幸福路12号3单元501' },
  { name: '李秀英', phone: '13987654321', address: '北京市海淀区学院路30号' },
  { name: '王芳', phone: '010-62345678', address: '北京市西城区金融街8号' },
  { name: '刘洋', phone: '15811112222', address: '北京市丰台区南三环西路16号' },
  { name: '陈静', phone: '18600001111', address: '北京市东城区和平里东街5号' },
  { name: '杨光超市', phone: '0755-86001234', address: '深圳市南山区科技园南区' },
];

export async function seedDemoData(db: Db, timeZone: string): Promise<void> {
  const [op] = await db.select().from(users).where(eq(users.username, 'operator'));
  const [op2] = await db.select().from(users).where(eq(users.username, 'operator2'));
  if (!op || !op2) return;
  const operator = (await loadPrincipal(db, op.id, 'seed'))!;
  const operator2 = (await loadPrincipal(db, op2.id, 'seed'))!;
  const c = (i: number) => ({ name: DEMO_CUSTOMERS[i].name, phone: DEMO_CUSTOMERS[i].phone, address: DEMO_CUSTOMERS[i].address });
  const samples: [typeof operator, CreateTicketInput, string?][] = [
    [operator, { type: 'complaint', channel: 'phone', priority: 'high', customer: c(0), fields: {
      target: '鲜牛奶 250ml', reason: '今早送到的鲜奶打开有明显异味,孩子喝了一口', validity: 'valid', category: 'product_quality',
      symptom: 'odour', purchaseMethod: 'home', batchNumber: 'B20261125-03', productionDate: '2026-11-25', injury: false } }, 'open'],
    [operator, { type: 'order', channel: 'phone', priority: 'normal', customer: c(1), fields: {
      product: '巴氏鲜奶', spec: '250ml 袋装', quantity: 30, price: 75, deliveryChannel: 'home', startDate: '2026-12-01' } }],
    [operator2, { type: 'inquiry', channel: 'phone', priority: 'normal', customer: c(2), fields: {
      topics: ['price', 'promotion'], conversation: '询问酸奶的价格和本月促销活动', informationGiven: '介绍了买十送二活动', potentialOrder: true,
      interestedProduct: '原味酸奶', preferredChannel: 'retail' } }],
    [operator2, { type: 'complaint', channel: 'phone', priority: 'normal', customer: c(3), fields: {
      target: '送奶员', reason: '连续三天送奶晚于八点', validity: 'valid', category: 'service_quality',
      serviceIssue: 'late_delivery', staffName: '赵师傅', staffId: 'S0312', workPlace: '丰台区南三环片区' } }, 'pending'],
    // resolved complaints: the callback policy gives operator a callback for each (回访)
    [operator, { type: 'complaint', channel: 'phone', priority: 'normal', customer: c(1), fields: {
      target: '原味酸奶', reason: '酸奶胀包,已过保质期前三天', validity: 'valid', category: 'product_quality',
      symptom: 'spoilage', purchaseMethod: 'retail', batchNumber: 'Y20261118-11', productionDate: '2026-11-18', injury: false } }, 'resolved'],
    [operator, { type: 'complaint', channel: 'phone', priority: 'normal', customer: c(4), fields: {
      target: '送奶员', reason: '奶箱没有关好,鲜奶被晒', validity: 'valid', category: 'service_quality',
      serviceIssue: 'attitude', staffName: '钱师傅', staffId: 'S0207', workPlace: '东城区和平里片区' } }, 'resolved'],
    [operator, { type: 'repair', channel: 'phone', priority: 'normal', customer: c(4), fields: {
      content: '奶箱锁坏了,无法打开', repairCategory: 'other', location: '和平里东街5号楼下', preferredTime: '工作日晚上7点后' } }],
    [operator, { type: 'order', channel: 'phone', priority: 'normal', customer: c(5), fields: {
      product: '纯牛奶', spec: '1L 盒装', quantity: 200, deliveryChannel: 'mall', remark: '每周一、四送货' } }, 'resolved'],
  ];
  const unit = unitRunner(db, { timeZone });
  for (const [who, input, status] of samples) {
    const t = await createTicket(db, who, input, 'zh-CN', timeZone);
    if (status === 'resolved') {
      await updateTicket(unit, who, t.id, { status: 'open' }, 'zh-CN');
      await updateTicket(unit, who, t.id, { status: 'resolved', resolution: input.type === 'order' ? '已转销售内勤安排配送' : '已上门处理并向客户致歉' }, 'zh-CN');
    } else if (status) {
      await updateTicket(unit, who, t.id, { status: status as 'open' }, 'zh-CN');
    }
  }
  await seedDemoCallbackHistory(db);
}
