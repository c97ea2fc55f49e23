// A survey's rating runs 1..scale, the scale's top being the best (the server
// scores (rating-1)/(scale-1)). The words each scale offers to the customer:
// 2 satisfied / unsatisfied; 3 adds neutral; 5 adds "very" at both ends.

export const SCALES = [2, 3, 5] as const;
export type Scale = (typeof SCALES)[number];

export const RATING_WORDS = ['verySatisfied', 'satisfied', 'neutral', 'unsatisfied', 'veryUnsatisfied'] as const;
export type RatingWord = (typeof RATING_WORDS)[number];

const WORDS: Record<Scale, RatingWord[]> = {
  // index 0 is rating 1 (the worst)
  2: ['unsatisfied', 'satisfied'],
  3: ['unsatisfied', 'neutral', 'satisfied'],
  5: ['veryUnsatisfied', 'unsatisfied', 'neutral', 'satisfied', 'verySatisfied'],
};

export const WORD_COLORS: Record<RatingWord, string> = {
  verySatisfied: '#389e0d',
  satisfied: '#52c41a',
  neutral: '#faad14',
  unsatisfied: '#fa541c',
  veryUnsatisfied: '#cf1322',
};

export function isScale(n: number): n is Scale {
  return (SCALES as readonly number[]).includes(n);
}

/** The choices of a scale, best first (the order they are offered in). */
export function ratingOptions(scale: number): { value: number; word: RatingWord }[] {
  const words = WORDS[isScale(scale) ? scale : 5];
  return words.map((word, i) => ({ value: i + 1, word })).reverse();
}

/** The word for a rating on its scale; null when the rating is outside it. */
export function ratingWord(scale: number, rating: number): RatingWord | null {
  const words = WORDS[isScale(scale) ? scale : 5];
  return Number.isInteger(rating) && rating >= 1 && rating <= words.length ? words[rating - 1] : null;
}

/** The dictionary key of a rating word (非常满意 … 非常不满意). */
export function ratingWordKey(word: RatingWord) {
  return `publicSurvey.word.${word}` as const;
}
