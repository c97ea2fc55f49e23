// surveys
export default {
};
