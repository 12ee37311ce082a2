import { startBackgroundService } from '@/src/extension/background-service';

export default defineBackground(() => {
  startBackgroundService();
});
