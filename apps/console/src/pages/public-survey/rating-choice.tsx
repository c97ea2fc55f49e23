import { useT } from '../../i18n/i18n-provider.tsx';
import { ratingOptions, ratingWordKey } from './rating-scale.ts';
import { RatingFace } from './rating-face.tsx';

interface Props {
  scale: number;
  value: number | null | undefined;
  onChange: (rating: number) => void;
  /** a question's rating: a smaller row than the overall one */
  compact?: boolean;
  invalid?: boolean;
  name: string;
}

/** The rating as big faces with words, best first; a radio group for keyboards and screen readers. */
export function RatingChoice({ scale, value, onChange, compact, invalid, name }: Props) {
  const t = useT();
  const options = ratingOptions(scale);
  return (
    <div
      role="radiogroup"
      aria-label={name}
      className={`kefu-ps-rating kefu-ps-rating-${options.length}${compact ? ' compact' : ''}${invalid ? ' invalid' : ''}`}
      data-testid={`rating-${name}`}
    >
      {options.map((o) => {
        const selected = value === o.value;
        return (
          <button
            type="button"
            role="radio"
            aria-checked={selected}
            key={o.value}
            className={`kefu-ps-face ${o.word}${selected ? ' selected' : ''}`}
            onClick={() => onChange(o.value)}
            data-testid={`rate-${o.value}`}
          >
            <span className="kefu-ps-emoji">
              <RatingFace word={o.word} size={compact ? 24 : 32} />
            </span>
            <span className="kefu-ps-word">{t(ratingWordKey(o.word))}</span>
          </button>
        );
      })}
    </div>
  );
}
