// The tour's title on its own, for the element's poster, which shows it before any
// lesson's code has loaded.
import type { Localized } from './lesson';

export const podCreateTitle: Localized = {
  ko: '파드의 생명주기로 쿠버네티스 구성 요소 살펴보기',
  en: 'A pod comes to life: the components step by step',
};
