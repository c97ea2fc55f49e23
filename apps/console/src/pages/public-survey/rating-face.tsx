import { FrownFilled, FrownOutlined, MehOutlined, SmileFilled, SmileOutlined } from '@ant-design/icons';
import { WORD_COLORS, type RatingWord } from './rating-scale.ts';

// Faces as icons, not emoji: emoji depend on the phone's fonts (some older
// Android and desktop systems show empty boxes); icons look the same everywhere.
const ICONS = {
  verySatisfied: SmileFilled,
  satisfied: SmileOutlined,
  neutral: MehOutlined,
  unsatisfied: FrownOutlined,
  veryUnsatisfied: FrownFilled,
} as const;

export function RatingFace({ word, size = 16 }: { word: RatingWord; size?: number }) {
  const Icon = ICONS[word];
  return <Icon style={{ color: WORD_COLORS[word], fontSize: size }} aria-hidden />;
}
