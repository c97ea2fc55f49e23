// callback-settings
export default {
};
