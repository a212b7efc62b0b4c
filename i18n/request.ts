import { getRequestConfig } from "next-intl/server";

// English first; German follows as messages/de.json with a locale setting.
export default getRequestConfig(async () => {
  const locale = "en";
  return { locale, messages: (await import(`../messages/${locale}.json`)).default };
});
