/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
/// <reference path="./server/load-context.ts" />
