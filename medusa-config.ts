import { defineConfig } from "./src/framework/config/index.ts"

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
    workerMode: process.env.AGORA_WORKER_MODE,
    http: {
      port: process.env.PORT,
      host: process.env.HOST || undefined,
      storeCors: process.env.STORE_CORS ?? "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS ?? "http://localhost:5173,http://localhost:9000",
      authCors: process.env.AUTH_CORS ?? "http://localhost:5173,http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET,
      jwtExpiresIn: process.env.JWT_EXPIRES_IN,
    },
  },
  modules: [
    { resolve: "./src/modules/user" },
    { resolve: "./src/modules/auth" },
    { resolve: "./src/modules/brand" },
    { resolve: "./src/modules/product" },
    { resolve: "./src/modules/pricing" },
    { resolve: "./src/modules/region" },
    { resolve: "./src/modules/sales-channel" },
    { resolve: "./src/modules/store" },
    { resolve: "./src/modules/api-key" },
    { resolve: "./src/modules/customer" },
    { resolve: "./src/modules/payment" },
    { resolve: "./src/modules/fulfillment" },
    { resolve: "./src/modules/cart" },
    { resolve: "./src/modules/order" },
    { resolve: "./src/modules/inventory" },
    { resolve: "./src/modules/stock-location" },
    { resolve: "./src/modules/notification" },
    {
      resolve: "./src/modules/erp",
      options: { baseUrl: process.env.ERP_URL, apiKey: process.env.ERP_API_KEY, timeoutMs: process.env.ERP_TIMEOUT_MS },
    },
  ],
})
