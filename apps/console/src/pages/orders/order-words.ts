import type { OrderStage } from '@kefu/shared/orders-api';

/** A colour per fulfilment stage: money in (blue), goods moving (cyan), done (green), money back (orange/red). */
export const STAGE_COLOR: Record<OrderStage, string> = {
  unpaid: 'default', paid: 'blue', printed: 'geekblue', packed: 'cyan', shipped: 'cyan', delivered: 'green', completed: 'green', refunding: 'orange', refunded: 'red',
};
