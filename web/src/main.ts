import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import * as ElementPlusIcons from '@element-plus/icons-vue';
import 'element-plus/dist/index.css';
import './styles.css';
import App from './App.vue';
import { router } from './router/index.ts';
import { configureClient } from './api/client.ts';
import { useSessionStore } from './stores/session.ts';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(router);
app.use(ElementPlus, { locale: zhCn });
for (const [name, component] of Object.entries(ElementPlusIcons)) app.component(name, component);

const session = useSessionStore(pinia);
configureClient({
  csrfToken: () => session.csrfToken,
  onUnauthenticated: () => {
    const wasLoggedIn = session.isLoggedIn;
    session.clear();
    const current = router.currentRoute.value;
    if (wasLoggedIn && !current.meta.isPublic) {
      void router.push({ name: 'login', query: { redirect: current.fullPath } });
    }
  },
  onPasswordChangeRequired: () => {
    session.mustChangePassword = true;
    if (router.currentRoute.value.name !== 'change-password') void router.push({ name: 'change-password' });
  },
});

app.mount('#app');
