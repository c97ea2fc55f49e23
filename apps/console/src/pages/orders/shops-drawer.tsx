import { useState } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, List, Select, Typography } from 'antd';
import { ShopOutlined } from '@ant-design/icons';
import { SHOP_PLATFORMS, type Shop } from '@kefu/shared/orders-api';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

/** The shops (店铺) and their policies: the default courier and no-reason return days (ORD-24). */
export function ShopsButton({ shops, onChange }: { shops: Shop[]; onChange: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ platform: Shop['platform']; name: string; defaultCourier?: string; returnDays: number }>();
  const add = async () => {
    const v = await form.validateFields();
    try {
      await api.post('/shops', { platform: v.platform, name: v.name, policies: { defaultCourier: v.defaultCourier || null, returnDays: v.returnDays } });
      void message.success(t('common.saved'));
      form.resetFields();
      onChange();
    } catch {
      // reported by the API client
    }
  };
  return (
    <>
      <Button icon={<ShopOutlined />} onClick={() => setOpen(true)} data-testid="shops-open">{t('order.shops')}</Button>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('order.shops')} width={Math.min(480, window.innerWidth)}>
        <List size="small" dataSource={shops} locale={{ emptyText: t('order.noShops') }} renderItem={(s) => (
          <List.Item>
            <List.Item.Meta title={s.name} description={`${t(`order.platform.${s.platform}`)} · ${s.policies.defaultCourier ?? '—'} · ${t('order.returnDays', { n: s.policies.returnDays })}`} />
          </List.Item>
        )} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>{t('order.addShop')}</Typography.Title>
        <Form form={form} layout="vertical" initialValues={{ platform: 'taobao', returnDays: 7 }}>
          <Form.Item name="platform" label={t('order.platform')} rules={[{ required: true }]}><Select options={SHOP_PLATFORMS.map((p) => ({ value: p, label: t(`order.platform.${p}`) }))} /></Form.Item>
          <Form.Item name="name" label={t('order.shopName')} rules={[{ required: true, max: 60 }]}><Input data-testid="shop-name" /></Form.Item>
          <Form.Item name="defaultCourier" label={t('order.defaultCourier')} rules={[{ max: 40 }]}><Input placeholder="中通快递" /></Form.Item>
          <Form.Item name="returnDays" label={t('order.returnDaysLabel')}><InputNumber min={0} max={90} /></Form.Item>
          <Button type="primary" onClick={add} data-testid="shop-add">{t('order.addShop')}</Button>
        </Form>
      </Drawer>
    </>
  );
}
