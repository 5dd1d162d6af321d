import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: { 50: "#effaf8", 100: "#d5f2ec", 600: "#0f766e", 700: "#0b5e58", 800: "#0a4a46", 900: "#083b38" },
      },
      fontFamily: {
        sans: ["system-ui", "-apple-system", "Segoe UI", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", "sans-serif"],
      },
    },
  },
  plugins: [],
} satisfies Config;
