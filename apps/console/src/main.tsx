import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { App as AntApp } from 'antd';
import { I18nProvider } from './i18n/i18n-provider.tsx';
import { SessionProvider } from './session/session-provider.tsx';
import { router } from './router.tsx';
import './styles.css';
import './knowledge.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <AntApp notification={{ top: 64 }}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </I18nProvider>
  </StrictMode>,
);
