import { createContext, useContext } from "react";

/** The per-request CSP nonce, set on the server; in the browser it is empty, as browsers hide it. */
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
