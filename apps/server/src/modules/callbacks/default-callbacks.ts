import type { CallbackPolicyBody, CallbackScriptBody } from '@kefu/shared/callbacks';
import type { Db } from '../../db/client.ts';
import { callbackPolicies, callbackScripts } from '../../db/schema/index.ts';
import { ensureDefaultSurvey } from '../surveys/surveys.commands.ts';
import { ensureDefaultQuietHours } from '../customers/quiet-hours.queries.ts';

// What a new installation starts with, from the requirements: the standard
// callback script (CBK-07, KB-03, CBK-17), complaint callbacks within three
// working days (CBK-06), repair callbacks by kind (CBK-08), the scheduled
// post-installation visits (CBK-23, off until a tenant installs furniture).

export const DEFAULT_SCRIPT: CallbackScriptBody = {
  name: '标准回访话术',
  opening: '您好,我是{company}的客服代表,工号{jobNumber}。请问您是{customerName}先生/女士吗?打扰您了。关于您{date}反映的「{service}」,我们已经处理完毕,想了解一下您对处理结果是否满意?',
  questions: [
    { key: 'resolved', text: '问题现在是否已经彻底解决?', kind: 'yes_no' },
    { key: 'attitude', text: '您对处理人员的服务态度是否满意?', kind: 'choice', options: ['满意', '一般', '不满意'] },
    { key: 'suggestion', text: '您对我们的产品和服务还有什么建议吗?', kind: 'text', required: false },
  ],
  branches: {
    satisfied: { prompt: '请问您还有其他建议吗?', closing: '非常感谢您的支持,如有需要请随时拨打我们的热线。祝您生活愉快,再见!', followUp: 'close' },
    neutral: { prompt: '能否告诉我您觉得哪些方面还需要改进?', closing: '感谢您的宝贵意见,我们会继续改进,欢迎您监督我们的工作。祝您生活愉快,再见!', followUp: 'close' },
    unsatisfied: { prompt: '能否告诉我您对哪方面不满意?您希望我们怎样改进?', closing: '非常抱歉给您带来不便,感谢您的反馈。我们会立即重新处理,并在处理后再次与您联系。', followUp: 'reopen' },
  },
};

export function defaultPolicies(scriptId: string): (CallbackPolicyBody & { template: string })[] {
  const common = {
    enabled: true, triggerStatus: 'resolved' as const, anchorField: null, calendarId: null, scriptId, channels: ['phone' as const, 'sms' as const],
    template: 'default',
  };
  return [
    {
      ...common, name: '投诉处理后回访(三天内)', kind: 'event', callbackType: 'complaint',
      conditions: [{ field: 'type', op: 'eq', value: 'complaint' }],
      steps: [{ label: '投诉回访', dueWithin: { businessDays: 3 } }],
      assignee: { mode: 'creator' }, coverageRequired: true, sendSurvey: true, targetMinutes: 5,
    },
    {
      ...common, name: '安全设施维修回访(2天内)', kind: 'event', callbackType: 'repair',
      conditions: [{ field: 'type', op: 'eq', value: 'repair' }, { field: 'fields.repairCategory', op: 'eq', value: 'safety' }],
      steps: [{ label: '维修回访', dueWithin: { businessDays: 2 } }],
      assignee: { mode: 'creator' }, coverageRequired: true, sendSurvey: true, targetMinutes: 3,
    },
    {
      ...common, name: '渗漏水维修回访(试漏后3天内)', kind: 'event', callbackType: 'repair', anchorField: 'fields.leakTestAt',
      conditions: [{ field: 'type', op: 'eq', value: 'repair' }, { field: 'fields.repairCategory', op: 'eq', value: 'leak' }],
      steps: [{ label: '试漏后回访', dueWithin: { businessDays: 3 } }],
      assignee: { mode: 'creator' }, coverageRequired: true, sendSurvey: true, targetMinutes: 3,
    },
    {
      ...common, name: '其他维修回访(2天内)', kind: 'event', callbackType: 'repair',
      conditions: [{ field: 'type', op: 'eq', value: 'repair' }, { field: 'fields.repairCategory', op: 'not_in', value: ['safety', 'leak'] }],
      steps: [{ label: '维修回访', dueWithin: { businessDays: 2 } }],
      assignee: { mode: 'creator' }, coverageRequired: true, sendSurvey: true, targetMinutes: 3,
    },
    {
      ...common, enabled: false, name: '安装后定期回访(一周/一月/三月/一年)', kind: 'schedule', callbackType: 'after_sale', triggerStatus: 'closed',
      conditions: [{ field: 'type', op: 'eq', value: 'repair' }, { field: 'fields.repairCategory', op: 'eq', value: 'installation' }],
      steps: [
        { label: '安装后一周', startAfter: { days: 7 }, dueWithin: { businessDays: 2 } },
        { label: '安装后一月', startAfter: { days: 30 }, dueWithin: { businessDays: 3 } },
        { label: '安装后三月', startAfter: { days: 91 }, dueWithin: { businessDays: 5 } },
        { label: '安装后一年', startAfter: { days: 365 }, dueWithin: { businessDays: 5 } },
      ],
      assignee: { mode: 'creator' }, coverageRequired: false, sendSurvey: false, targetMinutes: 5,
    },
  ];
}

/** Once, on a new installation (demo or not). */
export async function installDefaultCallbacks(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await ensureDefaultQuietHours(tx);
    await ensureDefaultSurvey(tx);
    const [any] = await tx.select({ id: callbackPolicies.id }).from(callbackPolicies).limit(1);
    if (any) return;
    const [script] = await tx.insert(callbackScripts).values(DEFAULT_SCRIPT).returning();
    for (const p of defaultPolicies(script.id)) await tx.insert(callbackPolicies).values(p);
  });
}
