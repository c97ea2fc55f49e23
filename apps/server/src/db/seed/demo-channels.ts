import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { chatChannels, teams } from '../schema/index.ts';

/**
 * The demo's written channels, all served by the hotline team: the website
 * chat widget (data-channel="website") with the greeting and the auto-reply
 * of CHN-17 (its shop facts also fill agents' canned replies), the web complaint/suggestion form (CHN-08) and the lead form (CHN-11).
 */
export async function seedDemoChannels(db: Db): Promise<void> {
  const [hotline] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, '热线一组'));
  const teamId = hotline?.id ?? null;
  await db.insert(chatChannels).values([
    {
      key: 'website', name: '官网在线客服', kind: 'chat', teamId,
      settings: {
        preChat: { enabled: true, requireName: false, requireContact: false, askTopic: true },
        greeting: '您好,欢迎光临恒康乳业官方在线客服,请问有什么可以帮您?',
        autoReply: '您好,我是自动回复。客服暂时不在线,有需要咨询的可以先留言,我们上班后第一时间回复您。'
          + '恒康乳业官方直营,产地直发,默认中通快递(其他快递可备注),支持7天无理由退换;急事请拨打热线 400-000-0000。',
        // the same facts for the agents' canned replies ({shopCourier}…)
        shop: { name: '恒康乳业官方店', courier: '中通快递(其他快递请备注)', returnPolicy: '7 天无理由退换(生鲜乳品除外,质量问题除外)', phone: '400-000-0000', hours: '每天 8:00–21:00' },
      },
    },
    // written forms are answered within two business hours, not minutes
    { key: 'web-complaints', name: '官网投诉与建议', kind: 'web_form', teamId, settings: { preChat: { enabled: true, requireName: true, requireContact: true, askTopic: false }, firstResponseMinutes: 120 } },
    { key: 'web-leads', name: '官网留言(客户电话提交)', kind: 'lead_form', teamId, settings: { preChat: { enabled: true, requireName: true, requireContact: true, askTopic: false }, firstResponseMinutes: 120 } },
  ]).onConflictDoNothing();
}
