import { slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['Kỹ năng số cơ bản', 'ky-nang-so-co-ban'],
    ['Điện Biên: Dịch vụ công trực tuyến!', 'dien-bien-dich-vu-cong-truc-tuyen'],
    ['  Thanh toán không dùng tiền mặt  ', 'thanh-toan-khong-dung-tien-mat'],
    ['???', 'khoa-hoc'],
  ])('%p → %p', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });
});
