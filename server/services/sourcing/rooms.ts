export { needRoom, needsRoom } from "../../realtime/events";
