extension ReportOutline {
    /// The shipped outline: the sections of docs/domain.md §5 and the eight-column Phụ lục. `cchc-export
    /// template export --builtin` writes it; docs/templates.md explains each line.
    public static let standardSource = """
        {{! Đề cương báo cáo định kỳ kết quả thực hiện Kế hoạch thông tin, tuyên truyền cải cách hành chính. }}
        {{! Mẫu mặc định của cchc. Cách viết mẫu, các trường {{…}} và các phần {{> …}}: docs/templates.md. }}
        {{! Sửa rồi nạp lại: cchc-export template load <tệp> --unit "<đơn vị>" [--regime nd09|cchc]. }}
        [báo cáo]
        Thực hiện {{ke_hoach_day_du}}; theo yêu cầu của {{noi_nhan_chinh}} về chế độ báo cáo định kỳ công tác cải cách hành chính, {{co_quan}} báo cáo kết quả thực hiện {{ky_thuong}} như sau:

        # {{so}} KẾT QUẢ THỰC HIỆN
        ## {{so}} Tình hình chung
        {{> tinh_hinh_chung}}
        ## {{so}} Kết quả thực hiện các nhiệm vụ
        {{> nhiem_vu}}
        {{#noi_bo}}
        ## {{so}} Tình hình báo cáo của các đơn vị
        Hạn báo cáo của kỳ: ngày {{han_bao_cao}}; kết quả cập nhật sau ngày này được tính là báo cáo trễ hạn. Số nhiệm vụ cần báo cáo là số nhiệm vụ do đơn vị chủ trì phải có kết quả trong kỳ.
        {{> bang_don_vi}}
        {{/noi_bo}}
        ## {{so}} Sản phẩm
        {{> san_pham}}

        # {{so}} ĐÁNH GIÁ CHUNG
        ## {{so}} Ưu điểm
        {{> uu_diem}}
        ## {{so}} Tồn tại, hạn chế và nguyên nhân
        {{> ton_tai}}

        # {{so}} PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI
        {{> phuong_huong}}

        # {{so}} ĐỀ XUẤT, KIẾN NGHỊ
        {{> de_xuat}}

        Trên đây là báo cáo {{trich_yeu_thuong}} của {{co_quan}}./.

        [phụ lục]
        tiêu đề: Phụ lục
        tên bảng: KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ {{ky_in_hoa}}
        kèm theo: (Kèm theo Báo cáo số {{so_ky_hieu}} ngày {{ngay_bao_cao}} của {{co_quan}})
        cột: stt | STT | 5
        cột: nhiem_vu | Nhiệm vụ | 18
        cột: chu_tri | Chủ trì | 10
        cột: phoi_hop | Phối hợp | 10
        cột: thoi_gian | Thời gian | 10
        cột: ket_qua | Kết quả | 21
        cột: tinh_trang | Tình trạng | 10
        cột: minh_chung | Minh chứng | 20

        """
}
