// callback-settings
export default {
} as const;
