import { CourseLevel, LessonKind, Role, TargetGroup } from '@hocvu/contracts';

import { AuthUser } from '../common/auth/auth-user';
import { CourseStudioService } from '../modules/courses/course-studio.service';
import { slugify } from '../modules/courses/slug';
import { QuestionBankService } from '../modules/questions/question-bank.service';
import { DEMO_QUIZZES } from './demo-quizzes';

interface DemoLesson {
  title: string;
  minutes: number;
  body: string;
}

interface DemoCourse {
  title: string;
  titleEn: string;
  summary: string;
  level: CourseLevel;
  targetGroups: TargetGroup[];
  sequential: boolean;
  sections: { title: string; lessons: DemoLesson[] }[];
}

const ALL_GROUPS: TargetGroup[] = ['public_servant', 'student', 'enterprise_worker', 'citizen'];

/** Demo courses on the topics the campaign teaches first (campaign-facts.md), in Vietnamese. */
export const DEMO_COURSES: DemoCourse[] = [
  {
    title: 'Kỹ năng số cơ bản: dùng điện thoại thông minh',
    titleEn: 'Basic digital skills: using a smartphone',
    summary: 'Những thao tác đầu tiên trên điện thoại thông minh: kết nối mạng, gọi video, chụp và gửi ảnh.',
    level: 'beginner',
    targetGroups: ['citizen'],
    sequential: true,
    sections: [
      {
        title: 'Làm quen với điện thoại',
        lessons: [
          {
            title: 'Bật máy, sạc pin và mở khoá màn hình',
            minutes: 5,
            body: `Điện thoại thông minh dùng **màn hình cảm ứng**: chạm nhẹ bằng đầu ngón tay để chọn.

1. Nhấn giữ nút nguồn ở cạnh máy khoảng 3 giây để bật máy.
2. Vuốt từ dưới lên trên màn hình để mở khoá.
3. Cắm sạc khi biểu tượng pin chỉ còn một vạch; nên sạc đầy trước khi đi làm nương.

> Mẹo: đặt mật khẩu màn hình dễ nhớ với bạn nhưng khó đoán với người khác.`,
          },
          {
            title: 'Kết nối Wi-Fi và dữ liệu di động 4G',
            minutes: 5,
            body: `Để học trên Hocvu, điện thoại cần kết nối Internet.

- **Wi-Fi**: vào *Cài đặt → Wi-Fi*, chọn tên mạng của nhà văn hoá hoặc gia đình, nhập mật khẩu.
- **4G**: vuốt từ trên xuống, bật biểu tượng *Dữ liệu di động*.

Khi sóng yếu, hãy bật chế độ **tiết kiệm dữ liệu** trong trình phát video của Hocvu.`,
          },
        ],
      },
      {
        title: 'Liên lạc với người thân',
        lessons: [
          {
            title: 'Gọi video cho con cháu qua Zalo',
            minutes: 8,
            body: `Zalo là ứng dụng nhắn tin, gọi điện miễn phí phổ biến ở Việt Nam.

1. Mở ứng dụng **Zalo**, chọn tên người thân trong danh bạ.
2. Chạm biểu tượng **máy quay** ở góc trên để gọi video.
3. Giữ điện thoại ngang tầm mắt, nơi có đủ ánh sáng.

Cuộc gọi qua Wi-Fi không mất tiền cước.`,
          },
        ],
      },
    ],
  },
  {
    title: 'Cài đặt và sử dụng ứng dụng VNeID',
    titleEn: 'Installing and using the VNeID app',
    summary:
      'Định danh điện tử mức 2 cho mỗi công dân từ 14 tuổi: cài đặt, kích hoạt và dùng VNeID thay giấy tờ.',
    level: 'beginner',
    targetGroups: ALL_GROUPS,
    sequential: false,
    sections: [
      {
        title: 'Định danh điện tử',
        lessons: [
          {
            title: 'Tải ứng dụng VNeID',
            minutes: 5,
            body: `Chỉ tải VNeID từ **CH Play** (Android) hoặc **App Store** (iPhone). Nhà phát hành là *Trung tâm dữ liệu quốc gia về dân cư*.

Không cài ứng dụng từ đường link lạ gửi qua tin nhắn: đó thường là **lừa đảo**.`,
          },
          {
            title: 'Kích hoạt tài khoản định danh điện tử mức 2',
            minutes: 10,
            body: `Tài khoản mức 2 được cấp khi làm căn cước tại cơ quan công an.

1. Mở VNeID, chọn **Kích hoạt tài khoản**.
2. Nhập số định danh cá nhân (12 số) và số điện thoại đã đăng ký.
3. Nhập mã kích hoạt nhận qua tin nhắn, rồi đặt mật khẩu và mã PIN.

Không đưa mã kích hoạt hay mã PIN cho bất kỳ ai, kể cả người tự xưng là cán bộ.`,
          },
          {
            title: 'Dùng VNeID thay giấy tờ khi làm thủ tục',
            minutes: 7,
            body: `Trong VNeID có **ví giấy tờ**: căn cước, giấy phép lái xe, thẻ bảo hiểm y tế…

Khi khám bệnh hoặc làm thủ tục, bạn có thể mở VNeID và xuất trình thay cho giấy tờ bản giấy.`,
          },
        ],
      },
    ],
  },
  {
    title: 'Thanh toán không dùng tiền mặt an toàn',
    titleEn: 'Safe cashless payments',
    summary: 'Mở tài khoản ngân hàng số, quét mã QR để trả tiền và giữ an toàn mã OTP.',
    level: 'beginner',
    targetGroups: ['citizen', 'enterprise_worker'],
    sequential: false,
    sections: [
      {
        title: 'Ngân hàng số',
        lessons: [
          {
            title: 'Quét mã QR để thanh toán',
            minutes: 6,
            body: `Ở chợ và cửa hàng, người bán thường dán **mã QR**.

1. Mở ứng dụng ngân hàng, chọn **Quét QR**.
2. Hướng camera vào mã, kiểm tra **tên người nhận** và **số tiền**.
3. Xác nhận bằng mã PIN hoặc vân tay.`,
          },
          {
            title: 'Giữ an toàn mã OTP',
            minutes: 5,
            body: `Mã OTP là mật khẩu dùng một lần để xác nhận giao dịch.

**Ngân hàng không bao giờ gọi điện hỏi mã OTP.** Ai hỏi mã OTP của bạn là kẻ lừa đảo.`,
          },
        ],
      },
    ],
  },
  {
    title: 'Nhận biết lừa đảo trên không gian mạng',
    titleEn: 'Recognising online scams',
    summary: 'Các chiêu lừa đảo thường gặp qua điện thoại và mạng xã hội, cách bảo vệ thông tin cá nhân.',
    level: 'beginner',
    targetGroups: ALL_GROUPS,
    sequential: false,
    sections: [
      {
        title: 'Phòng tránh lừa đảo',
        lessons: [
          {
            title: 'Các chiêu lừa đảo thường gặp',
            minutes: 8,
            body: `Cảnh giác khi nhận được:

- Cuộc gọi tự xưng là **công an, toà án** yêu cầu chuyển tiền để "điều tra".
- Tin nhắn báo **trúng thưởng**, yêu cầu bấm vào đường link.
- Lời mời **việc nhẹ lương cao** phải nộp tiền trước.

Khi nghi ngờ, hãy dừng lại và hỏi người thân hoặc công an xã.`,
          },
        ],
      },
    ],
  },
];

/**
 * Creates and publishes the demo courses as the demo teacher (with their quizzes and question banks,
 * see demo-quizzes.ts); courses whose slug exists are skipped.
 */
export async function seedDemoCourses(
  studio: CourseStudioService,
  questions: QuestionBankService,
  teacherId: string,
): Promise<number> {
  const teacher: AuthUser = { id: teacherId, role: Role.Teacher, sessionId: 'seed', communeId: null };
  const existing = new Set((await studio.list(teacher)).items.map((course) => course.slug));
  let created = 0;
  for (const demo of DEMO_COURSES) {
    if (existing.has(slugify(demo.title))) continue;
    let course = await studio.create(
      {
        title: { vi: demo.title, en: demo.titleEn },
        summary: { vi: demo.summary },
        level: demo.level,
        targetGroups: demo.targetGroups,
        languages: ['vi'],
        sequential: demo.sequential,
      },
      teacher,
    );
    for (const section of demo.sections) {
      course = await studio.addSection(course.id, { vi: section.title }, teacher);
      const sectionId = course.sections[course.sections.length - 1]?.id;
      for (const lesson of section.lessons) {
        course = await studio.addLesson(
          sectionId,
          {
            kind: LessonKind.Article,
            title: { vi: lesson.title },
            estimatedMinutes: lesson.minutes,
            required: true,
          },
          teacher,
        );
        const lessonId = course.sections.find((s) => s.id === sectionId)?.lessons.at(-1)?.id as string;
        await studio.updateLesson(lessonId, { body: { vi: lesson.body } }, teacher);
      }
    }
    const quiz = DEMO_QUIZZES[demo.title];
    if (quiz) {
      for (const question of quiz.questions) {
        await questions.create(course.id, { ...question, tags: [quiz.tag] }, teacher);
      }
      course = await studio.addSection(course.id, { vi: 'Kiểm tra' }, teacher);
      const sectionId = course.sections[course.sections.length - 1]?.id;
      course = await studio.addLesson(
        sectionId,
        { kind: LessonKind.Quiz, title: { vi: quiz.title }, estimatedMinutes: 10, required: true },
        teacher,
      );
      const lessonId = course.sections.find((s) => s.id === sectionId)?.lessons.at(-1)?.id as string;
      const { draw, ...settings } = quiz.settings;
      await studio.updateQuiz(
        lessonId,
        { ...settings, pools: [{ tag: quiz.tag, count: draw }], finalExam: quiz.finalExam },
        teacher,
      );
    }
    await studio.publish(course.id, teacher);
    created += 1;
  }
  return created;
}
