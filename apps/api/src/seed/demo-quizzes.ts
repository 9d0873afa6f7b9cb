import { AuthorQuestion } from '@hocvu/assessment';
import { QuizFeedback, QuizSettings } from '@hocvu/contracts';

/** A question without its tags (the demo quiz gives every question its one pool tag). */
type UntaggedQuestion = AuthorQuestion extends infer Q
  ? Q extends unknown
    ? Omit<Q, 'tags'>
    : never
  : never;

/** A demo course's quiz: its bank and settings (all questions tagged with the one pool tag). */
export interface DemoQuiz {
  title: string;
  finalExam: boolean;
  tag: string;
  settings: Omit<QuizSettings, 'pools'> & { draw: number };
  questions: UntaggedQuestion[];
}

const option = (id: string, vi: string) => ({ id, text: { vi } });

/** Quizzes for two demo courses (by course title), on what their lessons teach. */
export const DEMO_QUIZZES: Record<string, DemoQuiz> = {
  'Cài đặt và sử dụng ứng dụng VNeID': {
    title: 'Bài thi cuối khoá: VNeID',
    finalExam: true,
    tag: 'VNeID',
    settings: {
      draw: 5,
      shuffleQuestions: true,
      shuffleOptions: true,
      timeLimitMinutes: 10,
      attemptsAllowed: 3,
      cooldownMinutes: 5,
      passingPercent: 60,
      feedback: QuizFeedback.AfterSubmit,
    },
    questions: [
      {
        type: 'single_choice',
        text: { vi: 'Nên tải ứng dụng VNeID từ đâu?' },
        options: [
          option('vn8k2p4q', 'CH Play hoặc App Store'),
          option('vn3m7x1z', 'Đường link nhận qua tin nhắn'),
          option('vn5r9c6w', 'Trang web bất kỳ có chữ VNeID'),
        ],
        correctOptionId: 'vn8k2p4q',
        explanation: { vi: 'Chỉ tải từ kho ứng dụng chính thức; link lạ thường là lừa đảo.' },
      },
      {
        type: 'true_false',
        text: { vi: 'Có thể đưa mã PIN VNeID cho người tự xưng là cán bộ để được hỗ trợ.' },
        correctAnswer: false,
        explanation: { vi: 'Không đưa mã kích hoạt hay mã PIN cho bất kỳ ai.' },
      },
      {
        type: 'single_choice',
        text: { vi: 'Số định danh cá nhân có bao nhiêu chữ số?' },
        options: [option('vd4t8n2b', '9 số'), option('vd7h1k5s', '12 số'), option('vd2w6q9f', '10 số')],
        correctOptionId: 'vd7h1k5s',
        explanation: { vi: 'Số định danh cá nhân (số căn cước) gồm 12 chữ số.' },
      },
      {
        type: 'multiple_choice',
        text: { vi: 'Những giấy tờ nào có thể có trong ví giấy tờ của VNeID?' },
        options: [
          option('vm1a7d3e', 'Căn cước'),
          option('vm6f2g8h', 'Giấy phép lái xe'),
          option('vm9j4l0p', 'Thẻ bảo hiểm y tế'),
          option('vm3s5u7y', 'Sổ tiết kiệm ngân hàng'),
        ],
        correctOptionIds: ['vm1a7d3e', 'vm6f2g8h', 'vm9j4l0p'],
        partialCredit: true,
        explanation: { vi: 'Ví giấy tờ có căn cước, giấy phép lái xe, thẻ bảo hiểm y tế…' },
      },
      {
        type: 'ordering',
        text: { vi: 'Sắp xếp các bước kích hoạt tài khoản định danh điện tử mức 2.' },
        options: [
          option('vo5b1n7c', 'Mở VNeID, chọn Kích hoạt tài khoản'),
          option('vo2x8m4v', 'Nhập số định danh và số điện thoại'),
          option('vo9z3k6l', 'Nhập mã kích hoạt nhận qua tin nhắn'),
          option('vo4q7w1e', 'Đặt mật khẩu và mã PIN'),
        ],
        correctOrder: ['vo5b1n7c', 'vo2x8m4v', 'vo9z3k6l', 'vo4q7w1e'],
        explanation: { vi: 'Mở ứng dụng → nhập thông tin → nhập mã kích hoạt → đặt mật khẩu, mã PIN.' },
      },
      {
        type: 'short_text',
        text: { vi: 'Tài khoản định danh điện tử mức 2 được cấp khi làm giấy tờ gì tại cơ quan công an?' },
        acceptedAnswers: ['Căn cước', 'Căn cước công dân', 'CCCD'],
        diacriticInsensitive: true,
        explanation: { vi: 'Tài khoản mức 2 được cấp khi làm căn cước.' },
      },
      {
        type: 'true_false',
        text: { vi: 'Khi khám bệnh có thể xuất trình VNeID thay cho thẻ bảo hiểm y tế bản giấy.' },
        correctAnswer: true,
        explanation: { vi: 'Thẻ bảo hiểm y tế trong ví giấy tờ VNeID dùng được khi khám bệnh.' },
      },
    ],
  },
  'Thanh toán không dùng tiền mặt an toàn': {
    title: 'Kiểm tra nhanh: thanh toán an toàn',
    finalExam: false,
    tag: 'an toàn',
    settings: {
      draw: 3,
      shuffleQuestions: true,
      shuffleOptions: true,
      timeLimitMinutes: null,
      attemptsAllowed: null,
      cooldownMinutes: 0,
      passingPercent: 60,
      feedback: QuizFeedback.AfterEach,
    },
    questions: [
      {
        type: 'true_false',
        text: { vi: 'Ngân hàng có thể gọi điện hỏi mã OTP của bạn.' },
        correctAnswer: false,
        explanation: { vi: 'Ngân hàng không bao giờ hỏi mã OTP. Ai hỏi là kẻ lừa đảo.' },
      },
      {
        type: 'single_choice',
        text: { vi: 'Trước khi xác nhận chuyển tiền qua mã QR, cần kiểm tra gì?' },
        options: [
          option('qr3f8d1k', 'Tên người nhận và số tiền'),
          option('qr7m2s9x', 'Màu của mã QR'),
          option('qr5c4v6b', 'Giờ trên điện thoại'),
        ],
        correctOptionId: 'qr3f8d1k',
        explanation: { vi: 'Luôn kiểm tra tên người nhận và số tiền trước khi xác nhận.' },
      },
      {
        type: 'single_choice',
        text: { vi: 'OTP là gì?' },
        options: [
          option('ot9a1q5w', 'Mật khẩu dùng một lần để xác nhận giao dịch'),
          option('ot4e7r2t', 'Số tài khoản ngân hàng'),
          option('ot6y3u8i', 'Tên đăng nhập ứng dụng'),
        ],
        correctOptionId: 'ot9a1q5w',
        explanation: { vi: 'OTP (One-Time Password) chỉ dùng một lần, không đưa cho ai.' },
      },
      {
        type: 'short_text',
        text: { vi: 'Để trả tiền ở chợ, bạn mở ứng dụng ngân hàng và chọn chức năng gì?' },
        acceptedAnswers: ['Quét QR', 'Quét mã QR'],
        diacriticInsensitive: true,
        explanation: { vi: 'Chọn Quét QR rồi hướng camera vào mã của người bán.' },
      },
    ],
  },
};
