import { useState } from 'react';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { ORDER_STAGES, type OrderDetail, type Shop } from '@kefu/shared/orders-api';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

interface Values {
  shopId: string; platformOrderNo: string; buyerId: string; name: string; phone: string; address?: string;
  product: string; spec?: string; size?: string; quantity: number; price: number; stage: (typeof ORDER_STAGES)[number];
}

/** An order recorded by hand (a phone order, or one the middleware missed). */
export function NewOrderModal({ open, shops, onClose, onSaved }: { open: boolean; shops: Shop[]; onClose: () => void; onSaved: (o: OrderDetail) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const o = await api.post<OrderDetail>('/orders', {
        shopId: v.shopId, platformOrderNo: v.platformOrderNo, buyerId: v.buyerId,
        customer: { name: v.name, phone: v.phone, address: v.address || null },
        items: [{ product: v.product, spec: v.spec || null, ...(v.size ? { attributes: { size: v.size } } : {}), quantity: v.quantity, price: v.price }],
        amount: v.quantity * v.price, stage: v.stage, paidAt: v.stage === 'unpaid' ? null : new Date().toISOString(),
      });
      void message.success(t('common.saved'));
      onSaved(o);
    } catch {
      // reported by the API client
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('order.new')} onCancel={onClose} onOk={save} confirmLoading={saving} okText={t('common.save')} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={{ quantity: 1, stage: 'paid', shopId: shops[0]?.id }} data-testid="order-form">
        <Row gutter={12}>
          <Col xs={24} sm={12}><Form.Item name="shopId" label={t('order.shop')} rules={[{ required: true }]}><Select options={shops.map((s) => ({ value: s.id, label: s.name }))} /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="platformOrderNo" label={t('order.no')} rules={[{ required: true, max: 64 }]}><Input /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="buyerId" label={t('order.buyer')} rules={[{ required: true, max: 64 }]}><Input /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="stage" label={t('order.stage')} rules={[{ required: true }]}><Select options={ORDER_STAGES.map((s) => ({ value: s, label: t(`order.stage.${s}`) }))} /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="name" label={t('order.consignee')} rules={[{ required: true, max: 64 }]}><Input /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="phone" label={t('customer.phone')} rules={[{ required: true, min: 3, max: 32 }]}><Input /></Form.Item></Col>
          <Col span={24}><Form.Item name="address" label={t('customer.address')} rules={[{ max: 200 }]}><Input /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="product" label={t('order.product')} rules={[{ required: true, max: 120 }]}><Input /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="spec" label={t('order.spec')} rules={[{ max: 120 }]}><Input /></Form.Item></Col>
          <Col xs={24} sm={8}><Form.Item name="size" label={t('order.size')} rules={[{ max: 200 }]}><Input placeholder="1.24m×2m" /></Form.Item></Col>
          <Col xs={12} sm={8}><Form.Item name="quantity" label={t('order.quantity')} rules={[{ required: true }]}><InputNumber min={1} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} sm={8}><Form.Item name="price" label={t('order.price')} rules={[{ required: true }]}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
      </Form>
    </Modal>
  );
}
