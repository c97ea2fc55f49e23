// surveys
export default {
} as const;
