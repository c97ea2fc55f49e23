import { describe, expect, it } from 'vitest';
import { fillVariables, type CannedReply } from '@kefu/shared/knowledge-api';
import { chatChannelSettings, type ChatChannel } from '@kefu/shared/conversations-api';
import { cannedValues, insertAtCaret, insertAtSlash, matchCanned, slashAt } from './canned-model.ts';

const reply = (shortcut: string, title: string, body: string, category: string | null = null): CannedReply => ({
  id: shortcut, teamId: null, teamName: null, shortcut, title, body, category, useCount: 0, updatedAt: '2026-01-01T00:00:00Z',
});
const ITEMS = [reply('hy', '欢迎语', '您好,欢迎光临{shopName}'), reply('qr', '订单确认', '{customerName},跟您核对一下订单', '售前流程'), reply('dd', '请稍等', '请稍等,我帮您查询'), reply('why', '原因说明', '原因如下')];

describe('the / picker', () => {
  it('opens on a /word at the start or after a space, not inside a link or a fraction', () => {
    expect(slashAt('/', 1)).toEqual({ start: 0, query: '' });
    expect(slashAt('/qr', 3)).toEqual({ start: 0, query: 'qr' });
    expect(slashAt('好的 /hy', 6)).toEqual({ start: 3, query: 'hy' });
    expect(slashAt('第一行\n/d', 6)).toEqual({ start: 4, query: 'd' });
    expect(slashAt('/qr 好的', 6)).toBeNull(); // past the space: the word is done
    expect(slashAt('http://x', 8)).toBeNull();
    expect(slashAt('1/2', 3)).toBeNull();
    // the caret decides: typing in front of an earlier /word
    expect(slashAt('/qr', 2)).toEqual({ start: 0, query: 'q' });
  });

  it('matches shortcuts first, then titles, categories and text, keeping the most used order', () => {
    expect(matchCanned(ITEMS, '').map((c) => c.shortcut)).toEqual(['hy', 'qr', 'dd', 'why']);
    expect(matchCanned(ITEMS, 'hy').map((c) => c.shortcut)).toEqual(['hy', 'why']);
    expect(matchCanned(ITEMS, 'Q').map((c) => c.shortcut)).toEqual(['qr']);
    expect(matchCanned(ITEMS, '确认').map((c) => c.shortcut)).toEqual(['qr']);
    expect(matchCanned(ITEMS, '售前').map((c) => c.shortcut)).toEqual(['qr']);
    expect(matchCanned(ITEMS, '查询').map((c) => c.shortcut)).toEqual(['dd']);
    expect(matchCanned(ITEMS, 'zz')).toEqual([]);
    expect(matchCanned(ITEMS, '', 2)).toHaveLength(2);
  });

  it('replaces the /word with the filled text and puts the caret behind it', () => {
    const text = '好的 /qr 谢谢';
    const slash = slashAt(text, 6)!;
    expect(insertAtSlash(text, slash, '赵女士,请核对')).toEqual({ text: '好的 赵女士,请核对 谢谢', caret: 10 });
  });

  it('puts an article where the caret is, on its own line after words', () => {
    expect(insertAtCaret('', 0, 0, '冷藏 7 天')).toEqual({ text: '冷藏 7 天', caret: 6 });
    expect(insertAtCaret('您好', 2, 2, '冷藏')).toEqual({ text: '您好\n冷藏', caret: 5 });
    expect(insertAtCaret('您好 xx', 3, 5, '冷藏')).toEqual({ text: '您好 冷藏', caret: 5 });
  });

  it('fills the variables from the customer, the agent and the channel\'s shop facts', () => {
    const channel: ChatChannel = {
      id: 'c1', key: 'website', name: '官网在线客服', kind: 'chat', teamId: null, teamName: null, active: true, createdAt: '2026-01-01T00:00:00Z',
      settings: chatChannelSettings.parse({ shop: { courier: '中通快递', phone: '400-000-0000' } }),
    };
    const me = { displayName: '王丽', jobNumber: '1001' };
    const conv = { customer: null, visitorName: '访客小周', channelName: '官网在线客服', channelId: 'c1' };
    const values = cannedValues(conv, me, [channel]);
    expect(values).toEqual({ customerName: '访客小周', agentName: '王丽', jobNumber: '1001', shopName: '官网在线客服', shopCourier: '中通快递', shopReturnPolicy: '', shopPhone: '400-000-0000', shopHours: '' });
    expect(fillVariables('{customerName}您好,我是{agentName}(工号 {jobNumber}),默认{shopCourier}', values)).toBe('访客小周您好,我是王丽(工号 1001),默认中通快递');
    // a linked customer's name wins; a shop name in the facts wins over the channel's
    const named = { ...channel, settings: { ...channel.settings, shop: { ...channel.settings.shop, name: '恒康乳业官方店' } } };
    expect(cannedValues({ ...conv, customer: { id: 'x', name: '周先生' } }, me, [named])).toMatchObject({ customerName: '周先生', shopName: '恒康乳业官方店' });
    // channels not loaded yet: the conversation's channel name
    expect(cannedValues(conv, { displayName: '王丽', jobNumber: null }, undefined)).toMatchObject({ shopName: '官网在线客服', jobNumber: '', shopCourier: '' });
  });
});
